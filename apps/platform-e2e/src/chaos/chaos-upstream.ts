import { startFakeThirdPartyApi, type FakeReply, type FakeThirdPartyApi } from '@switchboard/testing';

/** How the upstream behaves: answering each call, or failing one in three and stalling one in three past the timeout. */
export type UpstreamMode = 'steady' | 'flapping';

/**
 * A ledger API that behaves like Stripe with an `Idempotency-Key`: the first call with a key takes effect, a later
 * one gets the first one's answer. It counts effects and calls per key, and every call without the tenant's key.
 */
export interface ChaosUpstream {
  readonly url: string;
  mode: UpstreamMode;
  /** Calls that took effect, by idempotency key (at most one each, by construction). */
  readonly effects: ReadonlySet<string>;
  /** Calls, by idempotency key: more than one is a call made again after a fault (harmless, given the key). */
  readonly calls: ReadonlyMap<string, number>;
  /** Calls whose Authorization was not a tenant's secret: an outbound call made without credentials. */
  readonly uncredentialed: () => number;
  stop(): Promise<void>;
}

/** The stall in flapping mode, over the executor's OUTBOUND_HEADERS_TIMEOUT_MS in the chaos platform. */
const STALL_MS = 2_000;

export async function startChaosUpstream(tenantKeys: readonly string[]): Promise<ChaosUpstream> {
  const api: FakeThirdPartyApi = await startFakeThirdPartyApi();
  const accepted = new Set(tenantKeys.map((key) => `Bearer ${key}`));
  const effects = new Set<string>();
  const calls = new Map<string, number>();
  let uncredentialed = 0;
  let sequence = 0;
  const upstream: ChaosUpstream = {
    url: api.url,
    mode: 'steady',
    effects,
    calls,
    uncredentialed: () => uncredentialed,
    stop: () => api.stop(),
  };
  api.route('POST', '/entries', async (request): Promise<FakeReply> => {
    // The recorder keeps every request; under a sustained load that alone would grow without bound.
    api.received.length = 0;
    if (!accepted.has(request.headers.authorization ?? '')) {
      uncredentialed += 1;
      return { status: 401, body: { error: 'missing or wrong API key' } };
    }
    const key = request.headers['idempotency-key'] ?? '';
    calls.set(key, (calls.get(key) ?? 0) + 1);
    if (effects.has(key)) return { status: 201, body: { id: `entry_${key}` } };
    sequence += 1;
    if (upstream.mode === 'flapping') {
      if (sequence % 3 === 0) return { status: 503, body: { error: 'temporarily unavailable' } };
      if (sequence % 3 === 1) await new Promise((resolve) => setTimeout(resolve, STALL_MS));
    }
    effects.add(key);
    return { status: 201, body: { id: `entry_${key}` } };
  });
  return upstream;
}
