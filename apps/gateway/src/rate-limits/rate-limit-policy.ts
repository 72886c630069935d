import type { BucketLimit } from './token-bucket.js';

// `<workspace id>=<per second>/<burst>`, comma-separated.
const OVERRIDE = /^([A-Za-z0-9_-]+)=(\d+)\/(\d+)$/;
const MAX_RATE = 1_000_000;

/** The limits a request is counted against, and the bucket each one names. */
export interface RequestLimits {
  workspace: { bucket: string; limit: BucketLimit };
  key: { bucket: string; limit: BucketLimit };
}

/**
 * The workspaces given their own limit in GATEWAY_RATE_LIMIT_WORKSPACE_OVERRIDES, or a sentence saying what is wrong
 * with the setting.
 */
export function parseWorkspaceLimitOverrides(setting: string): Map<string, BucketLimit> | string {
  const overrides = new Map<string, BucketLimit>();
  for (const entry of setting.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    const [, workspaceId = '', perSecond, burst] = OVERRIDE.exec(entry) ?? [];
    const limit = { perSecond: Number(perSecond), burst: Number(burst) };
    if (perSecond === undefined || !(limit.perSecond >= 1 && limit.perSecond <= MAX_RATE && limit.burst >= 1 && limit.burst <= MAX_RATE)) {
      return `"${entry}" is not <workspace id>=<requests per second>/<burst>, each a whole number from 1 to ${MAX_RATE}`;
    }
    if (overrides.has(workspaceId)) return `workspace ${workspaceId} is given twice`;
    overrides.set(workspaceId, limit);
  }
  return overrides;
}

/** Which buckets a caller's requests are counted against, with the configured limits. */
export class RateLimitPolicy {
  constructor(
    private readonly workspaceDefault: BucketLimit,
    private readonly workspaceOverrides: ReadonlyMap<string, BucketLimit>,
    private readonly perKey: BucketLimit,
  ) {}

  limitsOf(caller: { workspaceId: string; userId: string }): RequestLimits {
    return {
      workspace: { bucket: `workspace:${caller.workspaceId}`, limit: this.workspaceOverrides.get(caller.workspaceId) ?? this.workspaceDefault },
      key: { bucket: apiKeyBucketOf(caller), limit: this.perKey },
    };
  }
}

/**
 * The API key a request is counted against. Today a user has exactly one private key (and a session is signed in
 * with it), so the user names the key; once a user may hold several, this is where the key's own id goes.
 */
function apiKeyBucketOf(caller: { userId: string }): string {
  return `key:${caller.userId}`;
}
