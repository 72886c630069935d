import { percentile } from './latency-summary.js';

/** One event the bench sent and Switchboard accepted: its `event_id` (the forward's `webhook-id`), times on performance.now(). */
export interface AcceptedEvent {
  eventId: string;
  sentAt: number;
  /** When the receive URL's 200 had been read in full. */
  answeredAt: number;
  body: Buffer;
}

/** One request that reached the product's endpoint. */
export interface ForwardArrival {
  webhookId: string;
  at: number;
  signatureValid: boolean;
  body: Buffer;
}

export interface LatencyPercentiles {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export interface ForwardingSummary {
  accepted: number;
  /** Accepted events that reached the product with a valid signature and the bytes sent. */
  delivered: number;
  /** Accepted events that never reached the product, or only unsigned or altered. */
  lost: number;
  /** Arrivals whose signature did not verify or whose body differed from what was sent. */
  invalid: number;
  /** Arrivals beyond the first valid one of an event (delivery is at least once). */
  repeated: number;
  /** Arrivals naming a webhook-id no accepted event has. */
  unexpected: number;
  /** From the receive URL's 200 to the first valid arrival; negative when the forward came first. */
  fromAnswer: LatencyPercentiles;
  /** From sending the event to its first valid arrival. */
  fromSend: LatencyPercentiles;
}

function percentiles(latenciesMs: readonly number[]): LatencyPercentiles {
  const sorted = Float64Array.from(latenciesMs).sort();
  return { p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), p99Ms: percentile(sorted, 99) };
}

/** Matches what the product received with what Switchboard accepted, by webhook-id, and times each delivery. */
export function summariseForwarding(accepted: readonly AcceptedEvent[], arrivals: readonly ForwardArrival[]): ForwardingSummary {
  const byId = new Map(accepted.map((event) => [event.eventId, { event, firstValidAt: undefined as number | undefined }]));
  let [invalid, repeated, unexpected] = [0, 0, 0];
  for (const arrival of [...arrivals].sort((a, b) => a.at - b.at)) {
    const match = byId.get(arrival.webhookId);
    if (match === undefined) unexpected += 1;
    else if (!arrival.signatureValid || !arrival.body.equals(match.event.body)) invalid += 1;
    else if (match.firstValidAt !== undefined) repeated += 1;
    else match.firstValidAt = arrival.at;
  }
  const delivered = [...byId.values()].flatMap(({ event, firstValidAt }) => (firstValidAt === undefined ? [] : [{ event, at: firstValidAt }]));
  return {
    accepted: accepted.length,
    delivered: delivered.length,
    lost: accepted.length - delivered.length,
    invalid,
    repeated,
    unexpected,
    fromAnswer: percentiles(delivered.map(({ event, at }) => at - event.answeredAt)),
    fromSend: percentiles(delivered.map(({ event, at }) => at - event.sentAt)),
  };
}
