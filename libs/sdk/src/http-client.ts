import { SdkErrorCode, SwitchboardError } from './switchboard-error.js';
import { SDK_VERSION } from './version.js';

/** Methods the gateway's REST API uses. */
export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** How an HttpClient's calls say who makes them. */
export type HttpClientAuth =
  /** The three credential headers on every call: scripts and servers. */
  | { kind: 'key'; workspaceId: string; userId: string; privateKey: string }
  /**
   * The session cookie, which the browser keeps and sends itself (the SDK never sees it); calls that change state
   * also carry the session's CSRF token. Without one, only sign-in and reading the current session work.
   */
  | { kind: 'session'; csrfToken?: string };

/** Where an HttpClient sends its calls, and how long each may take. */
export interface HttpEndpoint {
  /** Base URL without a trailing slash. */
  baseUrl: string;
  timeoutMs: number;
}

/** Validated connection settings of an HttpClient. */
export interface HttpClientConfig extends HttpEndpoint {
  auth: HttpClientAuth;
}

// What the gateway calls the session's CSRF header (CSRF_HEADER in the contracts, which the SDK imports types from only).
const CSRF_HEADER = 'x-switchboard-csrf';
const SAFE_METHODS: readonly ApiMethod[] = ['GET'];
// Browsers set their own user-agent; the SDK names itself only where nobody else does.
const IN_BROWSER = 'document' in globalThis;

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
    const { baseUrl, auth, timeoutMs } = this.#config;
    const route = `${method} ${path}`;
    const headers: Record<string, string> = { accept: 'application/json', ...authHeaders(auth, method) };
    if (!IN_BROWSER) headers['user-agent'] = `switchboard-sdk/${SDK_VERSION}`;
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
        // A session lives in its cookie, which only the runtime sends; a key client sends no cookie at all.
        credentials: auth.kind === 'session' ? 'include' : 'omit',
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

function authHeaders(auth: HttpClientAuth, method: ApiMethod): Record<string, string> {
  if (auth.kind === 'key') {
    return { 'x-switchboard-workspace-id': auth.workspaceId, 'x-switchboard-user-id': auth.userId, authorization: `Bearer ${auth.privateKey}` };
  }
  return auth.csrfToken === undefined || SAFE_METHODS.includes(method) ? {} : { [CSRF_HEADER]: auth.csrfToken };
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
