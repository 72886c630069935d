// The webhook rows. Receipts: GitHub-signed events, each with its own delivery id, posted to a pulled webhook's
// receive URL by the closed-loop generator; a receipt counts only when answered 200 `{event_id, duplicate: false}`,
// which the executor sends once the event is verified and stored, and the stored events are then pulled back by
// sequence, as a product pulling them would, to confirm the count. Forwarding: events sent at a steady rate to a
// webhook that forwards to the bench's own endpoint, timed from each 200 to the forward's arrival.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { WEBHOOK_EVENT_LIST_MAX_LIMIT, type WebhookEventSummary, type WebhookReceiptReply } from '@switchboard/contracts';
import { Pool } from 'undici';
import { call, PRODUCT } from './bench-fixtures.js';
import type { BenchPlatform } from './bench-platform.js';
import { summariseForwarding, type AcceptedEvent, type ForwardingSummary } from './forward-latency.js';
import type { ForwardReceiver } from './forward-receiver.js';
import { gitHubEventSigner } from './github-event-signer.js';
import type { LoadTarget } from './load-generator.js';
import type { PathResults } from './results-report.js';
import type { BenchWebhook, WebhookFixtures } from './webhook-fixtures.js';

const SIGNING_SAMPLES = 20_000;
// Enough connections that a slow answer never holds the next send back at the forwarding row's rate.
const FORWARD_SENDER_CONNECTIONS = 8;
// Generous next to the first retry (immediate, then 5 s): an event not here by then is reported lost.
const FORWARD_WAIT_MS = 30_000;
const ARRIVAL_POLL_MS = 20;

/** Tells one bench run's events from another's, so that a second run against the same database stores every one too. */
const RUN_ID = randomBytes(4).toString('hex');

/** Why a receipt's answer does not mean "verified and stored, for the first time"; undefined when it does. */
function receiptProblem(status: number, text: string): string | undefined {
  if (status !== 200) return `HTTP ${status}: ${text.slice(0, 300)}`;
  const reply = JSON.parse(text) as Partial<WebhookReceiptReply>;
  return typeof reply.event_id === 'string' && reply.duplicate === false ? undefined : `unexpected receipt ${text.slice(0, 300)}`;
}

/** Receipts to `webhook`, each a new signed event; `accepted()` counts every receipt answered as stored, warm-up included. */
export function receiptTarget(webhook: BenchWebhook, signingSecret: string, label: string): { target: LoadTarget; accepted(): number } {
  const next = gitHubEventSigner(signingSecret, `${RUN_ID}-${label}`);
  let accepted = 0;
  const target: LoadTarget = {
    url: webhook.receiveUrl,
    method: 'POST',
    next,
    check: (text) => {
      const problem = receiptProblem(200, text);
      if (problem === undefined) accepted += 1;
      return problem;
    },
  };
  return { target, accepted: () => accepted };
}

/** Mean cost of signing one event in this process, in microseconds: what the load generator spends per receipt. */
export function signingMicroseconds(signingSecret: string): number {
  const next = gitHubEventSigner(signingSecret, `${RUN_ID}-signing`);
  const started = performance.now();
  for (let index = 0; index < SIGNING_SAMPLES; index += 1) next();
  return ((performance.now() - started) * 1000) / SIGNING_SAMPLES;
}

export interface PulledEvents {
  /** Events stored with a passed verification. */
  stored: number;
  /** Any other event: refused, or in another status. */
  otherwise: number;
}

/** Pulls every event of `webhook` by sequence, oldest first, as a product without forward URL reads them. */
export async function pullEvents(platform: BenchPlatform, webhook: BenchWebhook): Promise<PulledEvents> {
  const counts: PulledEvents = { stored: 0, otherwise: 0 };
  let afterSequence = 0;
  for (;;) {
    const path = `/v1/products/${PRODUCT}/webhooks/${webhook.tag}/events?after_sequence=${afterSequence}&limit=${WEBHOOK_EVENT_LIST_MAX_LIMIT}`;
    const page = (await call(platform.gatewayUrl, platform.credentials, 'GET', path)) as WebhookEventSummary[];
    const last = page.at(-1);
    if (last === undefined) return counts;
    for (const event of page) {
      if (event.status === 'stored' && event.verification.ok) counts.stored += 1;
      else counts.otherwise += 1;
    }
    afterSequence = last.sequence;
  }
}

export interface ForwardingMeasurement {
  events: number;
  ratePerSecond: number;
  /** Sends not answered 200 `{duplicate: false}`, or not answered at all. */
  refused: number;
  firstRefusal?: string;
  summary: ForwardingSummary;
}

/**
 * Sends `events` new events to the forwarding webhook at `ratePerSecond` (open loop: on schedule, whatever the
 * answers), then waits until every accepted one has reached `receiver` signed and intact, or FORWARD_WAIT_MS passed.
 */
export async function measureReceiptToForward(
  fixtures: WebhookFixtures,
  receiver: ForwardReceiver,
  options: { events: number; ratePerSecond: number; signal: AbortSignal },
): Promise<ForwardingMeasurement> {
  receiver.verifyWith(fixtures.forwarded.forwardingSecret);
  const next = gitHubEventSigner(fixtures.signingSecret, `${RUN_ID}-forwarded`);
  const url = new URL(fixtures.forwarded.receiveUrl);
  const pool = new Pool(url.origin, { connections: FORWARD_SENDER_CONNECTIONS, keepAliveTimeout: 60_000 });
  const accepted: AcceptedEvent[] = [];
  let refused = 0;
  let firstRefusal: string | undefined;
  const refuse = (why: string): void => {
    refused += 1;
    firstRefusal ??= why;
  };
  const send = async (): Promise<void> => {
    const event = next();
    const sentAt = performance.now();
    try {
      const response = await pool.request({ path: url.pathname, method: 'POST', headers: event.headers, body: event.body });
      const text = await response.body.text();
      const answeredAt = performance.now();
      const problem = receiptProblem(response.statusCode, text);
      if (problem !== undefined) return refuse(problem);
      accepted.push({ eventId: (JSON.parse(text) as WebhookReceiptReply).event_id, sentAt, answeredAt, body: event.body });
    } catch (error) {
      refuse(error instanceof Error ? error.message : String(error));
    }
  };
  try {
    const sends: Promise<void>[] = [];
    const started = performance.now();
    for (let index = 0; index < options.events; index += 1) {
      const wait = started + (index * 1000) / options.ratePerSecond - performance.now();
      if (wait > 0) await sleep(wait, undefined, { signal: options.signal });
      sends.push(send());
    }
    await Promise.all(sends);
  } finally {
    await pool.close();
  }
  const deadline = performance.now() + FORWARD_WAIT_MS;
  while (summariseForwarding(accepted, receiver.arrivals).lost > 0 && performance.now() < deadline) {
    await sleep(ARRIVAL_POLL_MS, undefined, { signal: options.signal });
  }
  return { events: options.events, ratePerSecond: options.ratePerSecond, refused, firstRefusal, summary: summariseForwarding(accepted, receiver.arrivals) };
}

/** Both webhook rows, as the report shows them. */
export interface WebhookMeasurement {
  receipts: PathResults;
  /** Receipts answered as stored, warm-ups included: what the pulled events must add up to. */
  answered: number;
  pulled: PulledEvents;
  signingMicroseconds: number;
  rateLimit: { perSecond: number; burst: number };
  forwarding: ForwardingMeasurement;
}
