import type { BucketLimit } from '@switchboard/platform';

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

  limitsOf(caller: RateLimitedCaller): RequestLimits {
    return {
      workspace: { bucket: `workspace:${caller.workspaceId}`, limit: this.workspaceOverrides.get(caller.workspaceId) ?? this.workspaceDefault },
      key: { bucket: apiKeyBucketOf(caller), limit: this.perKey },
    };
  }
}

/** Who a request is counted for: its workspace, and its API key (absent for a workbench session). */
export interface RateLimitedCaller {
  workspaceId: string;
  userId: string;
  keyId?: string;
}

/** The key bucket of a request: its API key's, or for a session (signed in with some key) its member's. */
function apiKeyBucketOf(caller: RateLimitedCaller): string {
  return caller.keyId === undefined ? `member:${caller.userId}` : `key:${caller.keyId}`;
}

/** How a refusal names the key bucket it ran out of. */
export function keyBucketName(caller: RateLimitedCaller): string {
  return caller.keyId === undefined ? `the sessions of member ${caller.userId}` : `the API key ${caller.keyId}`;
}
