import { SdkErrorCode, SwitchboardError } from './switchboard-error.js';
import { SDK_VERSION } from './version.js';

/** Methods the gateway's REST API uses. */
export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Validated connection settings of an HttpClient. */
export interface HttpClientConfig {
  /** Base URL without a trailing slash. */
  baseUrl: string;
  workspaceId: string;
  userId: string;
  privateKey: string;
  timeoutMs: number;
}

// Error bodies are cut so a misrouted HTML page cannot flood logs.
const MAX_ERROR_BODY_CHARS = 1000;

/** Sends authenticated JSON requests to the gateway and turns every failure into a SwitchboardError. */
export class HttpClient {
  // A private field keeps the key out of console.log(switchboard) and JSON.stringify.
  readonly #config: HttpClientConfig;

  constructor(config: HttpClientConfig) {
    this.#config = config;
  }

  /**
   * Sends `body` to `path` (already encoded) and resolves with the parsed JSON reply: as JSON, or a FormData as a
   * multipart upload (fetch writes its Content-Type with the boundary).
   */
  async request<T>(method: ApiMethod, path: string, body?: unknown): Promise<T> {
    const { baseUrl, workspaceId, userId, privateKey, timeoutMs } = this.#config;
    const route = `${method} ${path}`;
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': `switchboard-sdk/${SDK_VERSION}`,
      'x-switchboard-workspace-id': workspaceId,
      'x-switchboard-user-id': userId,
      authorization: `Bearer ${privateKey}`,
    };
    const upload = body instanceof FormData;
    if (body !== undefined && !upload) headers['content-type'] = 'application/json';

    let response: Response;
    let text: string;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined || upload ? body : JSON.stringify(body),
        // Credentials must never follow a redirect to another origin; a redirect surfaces as http_error.
        redirect: 'manual',
        // One deadline for connecting, the reply and its body.
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error: unknown) {
      throw transportError(error, route, baseUrl, timeoutMs);
    }

    if (response.status < 200 || response.status > 299) throw errorFromReply(response, text, route);
    // The reply is trusted to match T: the gateway validates what it sends.
    return parseSuccessBody(text, response.status, route) as T;
  }
}

function transportError(error: unknown, route: string, baseUrl: string, timeoutMs: number): SwitchboardError {
  // Duck-typed rather than instanceof: fetch may throw errors from another realm (e.g. under Jest).
  if (errorName(error) === 'TimeoutError') {
    return new SwitchboardError({
      code: SdkErrorCode.Timeout,
      message: `${route} got no reply from Switchboard at ${baseUrl} within ${timeoutMs} ms`,
      details: { timeout_ms: timeoutMs },
      cause: error,
    });
  }
  return new SwitchboardError({
    code: SdkErrorCode.NetworkError,
    message: `${route} could not reach Switchboard at ${baseUrl}: ${describeCause(error)}`,
    cause: error,
  });
}

function errorFromReply(response: Response, text: string, route: string): SwitchboardError {
  const body = tryParseJson(text);
  if (isErrorBody(body)) {
    return new SwitchboardError({
      code: body.code,
      message: body.message,
      status: response.status,
      details: isRecord(body.details) ? body.details : {},
    });
  }
  const location = response.headers.get('location');
  return new SwitchboardError({
    code: SdkErrorCode.HttpError,
    message: `${route} failed with HTTP ${response.status} ${response.statusText}`.trimEnd(),
    status: response.status,
    details: {
      body: text.slice(0, MAX_ERROR_BODY_CHARS),
      ...(location === null ? {} : { location }),
    },
  });
}

function parseSuccessBody(text: string, status: number, route: string): unknown {
  // 204 and other empty replies carry no value.
  if (text === '') return undefined;
  const parsed = tryParseJson(text);
  if (parsed === undefined) {
    throw new SwitchboardError({
      code: SdkErrorCode.InvalidResponse,
      message: `${route} answered HTTP ${status} with a body that is not JSON`,
      status,
      details: { body: text.slice(0, MAX_ERROR_BODY_CHARS) },
    });
  }
  return parsed;
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON is an expected outcome here; callers turn `undefined` into a coded error.
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isErrorBody(value: unknown): value is { code: string; message: string; details?: unknown } {
  return isRecord(value) && typeof value.code === 'string' && typeof value.message === 'string';
}

function errorName(error: unknown): string | undefined {
  return isRecord(error) && typeof error.name === 'string' ? error.name : undefined;
}

// undici reports every network failure as "fetch failed"; the useful part (ECONNREFUSED, ENOTFOUND...) is its cause.
function describeCause(error: unknown): string {
  if (!isRecord(error)) return String(error);
  const cause = describeSystemError(error.cause);
  if (cause !== undefined) return cause;
  return typeof error.message === 'string' ? error.message : 'unknown network error';
}

// `localhost` tries ::1 and 127.0.0.1, so a refusal may be an AggregateError whose own message is empty.
function describeSystemError(error: unknown): string | undefined {
  if (!isRecord(error)) return undefined;
  if (typeof error.message === 'string' && error.message !== '') return error.message;
  if (Array.isArray(error.errors)) {
    const messages = error.errors.map(describeSystemError).filter((message) => message !== undefined);
    if (messages.length > 0) return messages.join('; ');
  }
  return typeof error.code === 'string' ? error.code : undefined;
}
