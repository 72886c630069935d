import { describe, expect, it } from '@jest/globals';
import { summariseForwarding, type AcceptedEvent, type ForwardArrival } from './forward-latency.js';

const event = (n: number, sentAt: number, answeredAt: number): AcceptedEvent => ({ eventId: `wev_${n}`, sentAt, answeredAt, body: Buffer.from(`{"n":${n}}`) });
const arrival = (n: number, at: number, overrides: Partial<ForwardArrival> = {}): ForwardArrival => ({
  webhookId: `wev_${n}`,
  at,
  signatureValid: true,
  body: Buffer.from(`{"n":${n}}`),
  ...overrides,
});

describe('summariseForwarding', () => {
  it('times each event from its 200 and from its send to its first valid arrival', () => {
    const accepted = [event(1, 0, 2), event(2, 10, 13)];
    const summary = summariseForwarding(accepted, [arrival(2, 20), arrival(1, 7)]);

    expect(summary).toMatchObject({ accepted: 2, delivered: 2, lost: 0, invalid: 0, repeated: 0, unexpected: 0 });
    expect(summary.fromAnswer).toEqual({ p50Ms: 5, p95Ms: 7, p99Ms: 7 });
    expect(summary.fromSend).toEqual({ p50Ms: 7, p95Ms: 10, p99Ms: 10 });
  });

  it('counts an event that arrived only unsigned or altered as lost, and a forward that beat the 200 as negative', () => {
    const accepted = [event(1, 0, 5), event(2, 0, 5), event(3, 0, 5)];
    const summary = summariseForwarding(accepted, [
      arrival(1, 4),
      arrival(2, 6, { signatureValid: false }),
      arrival(3, 6, { body: Buffer.from('{"n":"other"}') }),
    ]);

    expect(summary).toMatchObject({ delivered: 1, lost: 2, invalid: 2 });
    expect(summary.fromAnswer.p50Ms).toBe(-1);
  });

  it('counts repeats after the first valid arrival and arrivals for ids nobody sent, without timing them', () => {
    const summary = summariseForwarding([event(1, 0, 1)], [arrival(1, 9), arrival(1, 3), arrival(7, 2)]);

    expect(summary).toMatchObject({ delivered: 1, lost: 0, repeated: 1, unexpected: 1 });
    expect(summary.fromAnswer.p99Ms).toBe(2);
  });

  it('reports no latency when nothing was delivered', () => {
    const summary = summariseForwarding([event(1, 0, 1)], []);

    expect([summary.lost, summary.fromAnswer.p50Ms]).toEqual([1, Number.NaN]);
  });
});
