import type { NatsConnection } from '@nats-io/transport-node';

/** Publishes domain events (fire-and-forget) so caches elsewhere can drop what changed. */
export class EventPublisher {
  constructor(private readonly connection: NatsConnection) {}

  /** Every event names its workspace, so a subscriber can drop only that tenant's entries. */
  publish(event: string, payload: { workspace_id: string } & Record<string, unknown>): void {
    this.connection.publish(event, JSON.stringify({ ...payload, occurred_at: new Date().toISOString() }));
  }
}
