import type { HostLookup } from './host-resolver.js';
import type { BackoffOptions } from './retry-policy.js';

/** The HTTP methods an action may use. */
export type OutboundMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** One call to a third-party API, fully built by the run path: URL, headers and body already hold substituted values. */
export interface OutboundRequest {
  method: OutboundMethod;
  /** Absolute http(s) URL. */
  url: URL;
  headers: Record<string, string>;
  /** Already encoded by the caller. */
  body?: string | Uint8Array | FormData;
  /** Retries (connection errors, 429, 5xx) only for idempotent methods or when this is set; sent as `Idempotency-Key`. */
  idempotencyKey?: string;
  /** Overrides of the client's default timeouts for this request. */
  timeouts?: Partial<OutboundTimeouts>;
  /** At most this many attempts for this request, never more than the client's own limit; 1 sends it exactly once. */
  maxAttempts?: number;
  /** A lower body size limit than the client's for this request, e.g. when the reply must fit a message. */
  maxResponseBytes?: number;
  /**
   * The body never travels in a NATS reply (an import document goes to the Object Store), so `maxResponseBytes`
   * may be above the client's limit, which exists to keep replies within a message.
   */
  bodyStoredOutsideReply?: boolean;
}

/** What the caller of {@link OutboundClient.send} is told, or asked, along the way. */
export interface SendHooks {
  /** Called once the address policy has let the request through, before its first attempt. */
  onSending?: () => void;
  /**
   * Asked before each repeated attempt, once its backoff is over: resolves with how long from now it may be sent (0: at
   * once), or with false when it may not be (the connection's rate limit has no turn for it within its wait), and the
   * last answer or failure stands.
   */
  beforeRetry?: () => Promise<number | false>;
}

/** Time limits of one attempt, each reported as `UpstreamTimeout` when exceeded. */
export interface OutboundTimeouts {
  /** Opening the TCP (and TLS) connection. */
  connectMs: number;
  /** From sending the request to receiving the complete response headers. */
  headersMs: number;
  /** Reading the whole response body, from its headers to its last byte. */
  bodyMs: number;
}

/** What the upstream answered, whatever its status: 3xx, 4xx and 5xx are answers, not errors. */
export interface OutboundResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Uint8Array;
  /** How many times the request was sent (1 when it was not retried). */
  attempts: number;
  /** Wall-clock time of the whole call: resolution, every attempt and the waits between them. */
  upstreamMs: number;
  /**
   * The part of upstreamMs spent finding and checking the upstream's addresses (DNS and the address policy).
   * OutboundClient always sets it; optional so that stand-in responses in tests need not.
   */
  connectMs?: number;
}

/** How an {@link OutboundClient} behaves; `outboundClientOptionsFrom` builds it from the environment. */
export interface OutboundClientOptions {
  /** `SWITCHBOARD_OUTBOUND_ALLOW` entries: IPs, CIDR subnets or hostnames exempt from the address policy. */
  allow: readonly string[];
  maxResponseBytes: number;
  defaultTimeouts: OutboundTimeouts;
  /** Attempts per request, the first included. */
  maxAttempts: number;
  /** Concurrent connections kept to one origin; further requests queue. */
  maxConnectionsPerOrigin: number;
  /** Injectable DNS for tests; defaults to the system resolver. */
  lookup?: HostLookup;
  /** Waits between attempts; defaults to {@link DEFAULT_BACKOFF}. Tests shorten it. */
  backoff?: BackoffOptions;
  /** Where failures and retries are counted; the service always gives one, a test of the client alone may not. */
  metrics?: OutboundMetrics;
}

import type { OutboundMetrics } from './outbound-metrics.js';

export type { HostLookup } from './host-resolver.js';
export type { BackoffOptions } from './retry-policy.js';
export { DEFAULT_BACKOFF } from './retry-policy.js';
export { OutboundClient } from './outbound-client.js';
