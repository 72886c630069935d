import { Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import type { SettledDecision } from './delivery-decision.js';

/** Webhook receipts the executor verified and the delivery attempts it made to forward URLs. */
@Injectable()
export class WebhookMetrics {
  readonly #receipts: Counter<'outcome' | 'code'>;
  readonly #deliveries: Counter<'result'>;

  constructor(registry: Registry) {
    this.#receipts = new Counter({
      name: 'switchboard_webhook_receipts_total',
      help: 'Webhook receipts by outcome (accepted, duplicate, refused) and, when refused, error code; refusals at the gateway (rate, size) are in its HTTP metrics',
      labelNames: ['outcome', 'code'] as const,
      registers: [registry],
    });
    this.#deliveries = new Counter({
      name: 'switchboard_webhook_deliveries_total',
      help: 'Webhook delivery attempts to forward URLs by what followed: delivered, retry, dead_letter, or hold (the target is disabled)',
      labelNames: ['result'] as const,
      registers: [registry],
    });
  }

  received(outcome: 'accepted' | 'duplicate'): void {
    this.#receipts.inc({ outcome, code: 'none' });
  }

  refused(code: string): void {
    this.#receipts.inc({ outcome: 'refused', code });
  }

  attempted(decision: SettledDecision): void {
    this.#deliveries.inc({ result: decision.action });
  }
}
