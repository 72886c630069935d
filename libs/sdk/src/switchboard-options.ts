import type { HttpClientConfig, HttpEndpoint } from './http-client.js';
import { SdkErrorCode, SwitchboardError } from './switchboard-error.js';
import type { ResumeOptions, SwitchboardOptions } from './types.js';

/** Gateway used when neither `url` nor `SWITCHBOARD_URL` is set: the local `npm start` stack. */
export const DEFAULT_SWITCHBOARD_URL = 'http://localhost:3000';

/** Request deadline used when `timeout_ms` is not set. */
export const DEFAULT_TIMEOUT_MS = 30_000;

// AbortSignal.timeout rejects delays above the 32-bit timer limit.
const MAX_TIMEOUT_MS = 2_147_483_647;

const REQUIRED_FIELDS = ['workspace_id', 'user_id', 'private_key'] as const;

/**
 * Checks constructor (or `signIn`) options once, so a misconfiguration fails at start-up rather than on the first
 * request; `caller` names the call in the message about a missing options object.
 */
export function resolveOptions(options: SwitchboardOptions, caller = 'new Switchboard()'): HttpClientConfig & { auth: { kind: 'key' } } {
  assertObject(options, `${caller} needs an options object with workspace_id, user_id and private_key`);
  for (const field of REQUIRED_FIELDS) {
    const value: unknown = options[field];
    if (typeof value !== 'string' || value.trim() === '') {
      throw invalidOption(field, `Option "${field}" is required and must be a non-empty string`);
    }
  }
  return {
    ...resolveEndpoint(options),
    auth: { kind: 'key', workspaceId: options.workspace_id, userId: options.user_id, privateKey: options.private_key },
  };
}

/** Checks the options of `Switchboard.resume`: where the gateway is and how long a call may take. */
export function resolveResumeOptions(options: ResumeOptions = {}): HttpEndpoint {
  assertObject(options, 'Switchboard.resume() takes an options object with url and timeout_ms, or none');
  return resolveEndpoint(options);
}

function resolveEndpoint(options: ResumeOptions): HttpEndpoint {
  return { baseUrl: resolveBaseUrl(options.url ?? environmentUrl() ?? DEFAULT_SWITCHBOARD_URL), timeoutMs: resolveTimeout(options.timeout_ms) };
}

// Plain JavaScript callers can pass anything, so nothing about `options` is assumed.
function assertObject(options: unknown, message: string): void {
  if (typeof options !== 'object' || options === null) throw invalidOption('options', message);
}

// `process` is absent outside Node (browsers, edge runtimes), where only the explicit option applies.
function environmentUrl(): string | undefined {
  const value = typeof process === 'undefined' ? undefined : process.env.SWITCHBOARD_URL;
  return value === '' ? undefined : value;
}

function resolveBaseUrl(raw: unknown): string {
  // The value itself stays out of the message: a URL may carry credentials.
  const rule = 'Option "url" must be an absolute http:// or https:// URL';
  if (typeof raw !== 'string') throw invalidOption('url', rule);
  let url: URL;
  try {
    url = new URL(raw);
  } catch (error: unknown) {
    throw invalidOption('url', rule, error);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalidOption('url', rule);
  if (url.search !== '' || url.hash !== '') throw invalidOption('url', `${rule}, without a query or fragment`);
  // A gateway mounted under a path prefix keeps it; API paths are appended after it.
  return url.href.replace(/\/+$/, '');
}

function resolveTimeout(raw: unknown): number {
  if (raw === undefined) return DEFAULT_TIMEOUT_MS;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw <= 0 || raw > MAX_TIMEOUT_MS) {
    throw invalidOption('timeout_ms', `Option "timeout_ms" must be a whole number of milliseconds between 1 and ${MAX_TIMEOUT_MS}`);
  }
  return raw;
}

function invalidOption(field: string, message: string, cause?: unknown): SwitchboardError {
  return new SwitchboardError({ code: SdkErrorCode.InvalidOptions, message, details: { field }, cause });
}
