import type { LookupFunction } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ErrorCode } from '@switchboard/contracts';
import { SpanKind, SpanStatusCode, type Span } from '@opentelemetry/api';
import { DomainError, inSpan, isTracingOn } from '@switchboard/platform';
import { FormData as UndiciFormData, Pool, type Dispatcher } from 'undici';
import { AddressPolicy } from './address-policy.js';
import { resolveHost, systemLookup, type HostLookup } from './host-resolver.js';
import type { ResolvedAddress } from './ip-literal.js';
import type { OutboundClientOptions, OutboundRequest, OutboundResponse, OutboundTimeouts, SendHooks } from './outbound-request.js';
import { readResponseBody } from './response-reader.js';
import { backoffDelayMs, DEFAULT_BACKOFF, delayBeforeRetryMs, isRetryableStatus, mayRetry, type BackoffOptions } from './retry-policy.js';
import { upstreamFailureOf } from './upstream-failure.js';

// Headers the connection itself owns. Host always names the URL's host, the one the policy checked; undici
// computes Content-Length from the body and refuses most of the others outright.
const CONNECTION_HEADERS = new Set([
  'host',
  'content-length',
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'expect',
]);

/** The addresses a pool may connect to: the latest answer for its host that passed the policy. */
interface Pinned {
  addresses: readonly ResolvedAddress[];
}

interface PinnedPool {
  pool: Pool;
  pinned: Pinned;
}

type RequestBody = string | Uint8Array | UndiciFormData | undefined;

/**
 * Calls third-party APIs for action runs: keep-alive connection pools per origin, time and size limits, retries
 * where repeating is safe, and an address policy that keeps runs away from the executor's own network.
 *
 * Redirects are never followed: a 3xx is returned to the caller as it is. Following one would mean connecting to a
 * host nobody checked, so a redirect towards a refused address cannot happen here.
 */
export class OutboundClient {
  private readonly policy: AddressPolicy;
  private readonly lookup: HostLookup;
  private readonly backoff: BackoffOptions;
  private readonly pools = new Map<string, PinnedPool>();
  private closed = false;

  constructor(private readonly options: OutboundClientOptions) {
    this.policy = new AddressPolicy(options.allow);
    this.lookup = options.lookup ?? systemLookup;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
  }

  /** Checks, without calling it, that the URL may be called: http(s), resolvable, and not a refused address. */
  async assertDestinationAllowed(url: URL): Promise<void> {
    assertHttpUrl(url);
    this.policy.assertAllowed(url.hostname, await resolveHost(url, this.lookup));
  }

  /**
   * Sends a request and returns the upstream's answer, whatever its status. Fails with `OutboundAddressRefused`,
   * `UpstreamUnreachable`, `UpstreamTimeout` or `UpstreamResponseTooLarge`, each counted by host; the request's
   * headers and body never appear in an error.
   */
  send(request: OutboundRequest, hooks: SendHooks = {}): Promise<OutboundResponse> {
    if (!isTracingOn()) return this.sendCounted(request, hooks);
    return inSpan(request.method, { kind: SpanKind.CLIENT, attributes: destinationAttributes(request) }, async (span) => {
      const response = await this.sendCounted(request, hooks);
      describeResponse(span, response);
      return response;
    });
  }

  private async sendCounted(request: OutboundRequest, hooks: SendHooks): Promise<OutboundResponse> {
    try {
      return await this.sendAttempts(request, hooks);
    } catch (error) {
      if (error instanceof DomainError) this.options.metrics?.failed(request.url.hostname, error.code);
      throw error;
    }
  }

  private async sendAttempts(request: OutboundRequest, { onSending, beforeRetry }: SendHooks): Promise<OutboundResponse> {
    if (this.closed) throw new Error('The outbound client is closed');
    const started = performance.now();
    const { url } = request;
    assertHttpUrl(url);
    const timeouts: OutboundTimeouts = { ...this.options.defaultTimeouts, ...request.timeouts };

    // Resolved once, checked, and pinned: every attempt of this request connects to addresses that were checked,
    // so a DNS answer that changes between the check and the connection cannot redirect it.
    const addresses = await resolveHost(url, this.lookup);
    this.policy.assertAllowed(url.hostname, addresses);
    const connectMs = performance.now() - started;
    const pool = this.pinnedPool(url.origin, timeouts.connectMs, addresses);

    const { body, contentType } = await encodeBody(request.body);
    const dispatch: Dispatcher.RequestOptions = {
      path: `${url.pathname}${url.search}`,
      method: request.method,
      headers: outgoingHeaders(request, contentType),
      body,
      headersTimeout: timeouts.headersMs,
      // undici's own body timeout counts idle time between chunks; the reader enforces bodyMs for the whole body.
      bodyTimeout: timeouts.bodyMs,
    };
    const retryable = mayRetry(request.method, request.idempotencyKey);
    const maxAttempts = Math.min(this.options.maxAttempts, request.maxAttempts ?? this.options.maxAttempts);
    // A repeated attempt's turn is asked for once its backoff is over, right before it goes: a turn booked earlier and
    // used later would let it go out beside the turns booked after it.
    const tookTurn = async (): Promise<boolean> => {
      const turnMs = beforeRetry ? await beforeRetry() : 0;
      if (turnMs === false) return false;
      if (turnMs > 0) await sleep(turnMs);
      return true;
    };
    const answerOf = async (response: Dispatcher.ResponseData, headers: Record<string, string>, attempt: number): Promise<OutboundResponse> => {
      let responseBody: Uint8Array;
      try {
        responseBody = await readResponseBody(response.body, {
          origin: url.origin,
          maxBytes: responseLimitOf(request, this.options.maxResponseBytes),
          deadlineMs: timeouts.bodyMs,
          declaredBytes: declaredLength(headers['content-length']),
        });
      } catch (error) {
        // Not retried: the upstream has answered, and asking again would double the time this run already waited.
        const failure = upstreamFailureOf(error, url.origin, timeouts);
        throw failure === undefined ? error : failure.error;
      }
      return { status: response.statusCode, headers, body: responseBody, attempts: attempt, upstreamMs: Math.round(performance.now() - started), connectMs };
    };
    onSending?.();

    for (let attempt = 1; ; attempt += 1) {
      const mayTryAgain = retryable && attempt < maxAttempts;
      let response: Dispatcher.ResponseData;
      try {
        response = await pool.request(dispatch);
      } catch (error) {
        const failure = upstreamFailureOf(error, url.origin, timeouts);
        if (failure === undefined) throw error;
        if (!(mayTryAgain && failure.retryable)) throw failure.error;
        await sleep(backoffDelayMs(attempt, this.backoff));
        if (!(await tookTurn())) throw failure.error;
        this.options.metrics?.retried(url.hostname, 'connection');
        continue;
      }

      const headers = flattenHeaders(response.headers);
      const delayMs = mayTryAgain && isRetryableStatus(response.statusCode) ? delayBeforeRetryMs(attempt, headers['retry-after'], this.backoff) : undefined;
      if (delayMs === undefined) return answerOf(response, headers, attempt);
      // Read before the wait: when the retry gets no turn, this answer stands as it came.
      const answered = await answerOf(response, headers, attempt).then(
        (answer) => ({ answer }),
        (error: unknown) => ({ error }),
      );
      await sleep(delayMs);
      if (await tookTurn()) {
        this.options.metrics?.retried(url.hostname, 'status');
        continue;
      }
      if ('error' in answered) throw answered.error;
      return { ...answered.answer, upstreamMs: Math.round(performance.now() - started) };
    }
  }

  /** Closes every pool once the requests in flight have finished; later calls to `send` fail. */
  async close(): Promise<void> {
    this.closed = true;
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map(({ pool }) => pool.close()));
  }

  // One keep-alive pool per origin (and connect timeout, which undici fixes per pool). Its connections go only to
  // the pinned addresses, replaced by each request's checked answer: whichever request opens a connection, every
  // address it can reach has passed the policy for this very host.
  private pinnedPool(origin: string, connectMs: number, addresses: readonly ResolvedAddress[]): Pool {
    // A request that was resolving while close() ran must not open a pool nobody will close.
    if (this.closed) throw new Error('The outbound client is closed');
    const key = `${connectMs} ${origin}`;
    const existing = this.pools.get(key);
    if (existing !== undefined) {
      existing.pinned.addresses = addresses;
      return existing.pool;
    }
    const pinned: Pinned = { addresses };
    const pool = new Pool(origin, {
      connections: this.options.maxConnectionsPerOrigin,
      connect: { timeout: connectMs, lookup: pinnedLookup(pinned) },
    });
    this.pools.set(key, { pool, pinned });
    return pool;
  }
}

// Where the call goes and nothing of what it carries: headers, query and body hold a run's secrets.
function destinationAttributes({ method, url }: OutboundRequest): Record<string, string | number> {
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  return { 'http.request.method': method, 'server.address': url.hostname, 'server.port': port, 'url.scheme': url.protocol.slice(0, -1) };
}

function describeResponse(span: Span, response: OutboundResponse): void {
  span.setAttribute('http.response.status_code', response.status);
  // Attempts beyond the first, as OpenTelemetry's HTTP conventions count them.
  if (response.attempts > 1) span.setAttribute('http.request.resend_count', response.attempts - 1);
  if (response.status >= 400) {
    span.setStatus({ code: SpanStatusCode.ERROR });
    span.setAttribute('error.type', String(response.status));
  }
}

/** A resolver for `net.connect`/`tls.connect` that answers with the pinned addresses instead of asking DNS again. */
function pinnedLookup(pinned: Pinned): LookupFunction {
  return (_hostname, options, callback) => {
    const wanted = options.family === 4 || options.family === 6 ? pinned.addresses.filter((a) => a.family === options.family) : pinned.addresses;
    const first = wanted[0];
    if (options.all === true) callback(null, wanted.map(({ address, family }) => ({ address, family })));
    else if (first !== undefined) callback(null, first.address, first.family);
    else callback(Object.assign(new Error('No checked address of the requested family'), { code: 'ENOTFOUND' }), '', 0);
  };
}

function assertHttpUrl(url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DomainError(ErrorCode.ValidationFailed, `Outbound requests must use http or https, not ${url.protocol}`, {
      protocol: url.protocol,
    });
  }
}

async function encodeBody(body: OutboundRequest['body']): Promise<{ body: RequestBody; contentType?: string }> {
  if (body === undefined || typeof body === 'string' || body instanceof Uint8Array || body instanceof UndiciFormData) return { body };
  // The built-in FormData comes from Node's own copy of undici, which this one refuses; Node's encoder turns it
  // into multipart bytes (reusable across attempts) and the content type naming their boundary.
  const encoded = new Response(body);
  return { body: new Uint8Array(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type') ?? undefined };
}

function outgoingHeaders(request: OutboundRequest, contentType: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    const lower = name.toLowerCase();
    if (CONNECTION_HEADERS.has(lower)) continue;
    if (lower === 'idempotency-key' && request.idempotencyKey !== undefined) continue;
    if (lower === 'content-type' && contentType !== undefined) continue;
    headers[name] = value;
  }
  if (request.idempotencyKey !== undefined) headers['idempotency-key'] = request.idempotencyKey;
  if (contentType !== undefined) headers['content-type'] = contentType;
  return headers;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function declaredLength(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

function responseLimitOf(request: OutboundRequest, clientLimit: number): number {
  const requested = request.maxResponseBytes ?? clientLimit;
  return request.bodyStoredOutsideReply ? requested : Math.min(clientLimit, requested);
}
