import { BoundedLabelValues } from '@switchboard/platform';
import { Counter, type Registry } from 'prom-client';

// Distinct upstream hosts labelled by name; past these, `other` (hosts come from tenants' connections).
const MAX_LABELLED_HOSTS = 200;

/** Outbound calls that failed (no answer, too slow, too large, refused address) and attempts sent again, by upstream host. */
export class OutboundMetrics {
  readonly #errors: Counter<'host' | 'code'>;
  readonly #retries: Counter<'host' | 'reason'>;
  readonly #hosts = new BoundedLabelValues(MAX_LABELLED_HOSTS);

  constructor(registry: Registry) {
    this.#errors = new Counter({
      name: 'switchboard_outbound_errors_total',
      help: 'Outbound requests (action runs, OAuth token requests, integration fetches) that got no usable answer, by upstream host and error code',
      labelNames: ['host', 'code'] as const,
      registers: [registry],
    });
    this.#retries = new Counter({
      name: 'switchboard_outbound_retries_total',
      help: 'Outbound attempts sent again, by upstream host and why: the connection failed, or the upstream answered 429/503-like statuses',
      labelNames: ['host', 'reason'] as const,
      registers: [registry],
    });
  }

  failed(host: string, code: string): void {
    this.#errors.inc({ host: this.#hosts.of(host), code });
  }

  retried(host: string, reason: 'connection' | 'status'): void {
    this.#retries.inc({ host: this.#hosts.of(host), reason });
  }
}
