import { WEBHOOK_EVENT_STATUSES, type WebhookEventStatus, type WebhookScheme } from '@switchboard/contracts';
import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** How a receipt's signature check ended; `detail` is for the record, never for the sender. */
export interface WebhookVerificationRecord {
  scheme: WebhookScheme;
  ok: boolean;
  reason?: string;
  detail?: string;
  /** The signed timestamp (Unix seconds) when the scheme carries one. */
  timestamp?: number;
}

/**
 * One request a sender made to a webhook's receive URL, accepted or refused: `action_executor.webhook_events`. It
 * holds what arrived (headers, raw body, the URL as the sender saw it) and what became of it, never a secret value.
 */
@Entity({ name: 'webhook_events' })
// Replay protection reads a webhook's accepted events by the sender's event id within the replay window.
@Index('webhook_events_sender_event_idx', ['workspace_id', 'product', 'webhook', 'sender_event_id', 'received_at'])
// The sweeper looks for accepted events whose message never reached the stream.
@Index('webhook_events_unqueued_idx', ['received_at'], { where: "status = 'queued' AND enqueued_at IS NULL" })
// A webhook's events listed newest first, and pulled in sequence.
@Index('webhook_events_webhook_received_idx', ['workspace_id', 'product', 'webhook', 'received_at'])
@Index('webhook_events_webhook_sequence_idx', ['workspace_id', 'product', 'webhook', 'sequence'])
// Enabling a disabled target queues its held events; webhook views count them.
@Index('webhook_events_held_idx', ['workspace_id', 'product', 'webhook'], { where: "status = 'held'" })
// Retention deletes the oldest events of every workspace.
@Index('webhook_events_received_idx', ['received_at'])
@Check('webhook_events_status_check', `status IN (${WEBHOOK_EVENT_STATUSES.map((status) => `'${status}'`).join(', ')})`)
@Check('webhook_events_attempts_check', 'attempts >= 0')
@Check('webhook_events_replays_check', 'replays >= 0')
export class WebhookEventEntity {
  /** `wev_<uuid>`: also the `webhook-id` the product's endpoint receives, the same on every attempt. */
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  workspace_id!: string;

  @Column({ type: 'text' })
  product!: string;

  /** The webhook's tag. */
  @Column({ type: 'text' })
  webhook!: string;

  @Column({ type: 'text' })
  env!: string;

  @Column({ type: 'text' })
  receive_id!: string;

  @Column({ type: 'text' })
  status!: WebhookEventStatus;

  /** Why a receipt was refused or an event dead-lettered: an error code, and the message (the seed's for secrets). */
  @Column({ type: 'text', nullable: true })
  error_code!: string | null;

  @Column({ type: 'text', nullable: true })
  error_message!: string | null;

  @Column({ type: 'jsonb' })
  verification!: WebhookVerificationRecord;

  /** The sender's own id for the event (Stripe's `id`, `X-GitHub-Delivery`, `webhook-id`, …), when it sent one. */
  @Column({ type: 'text', nullable: true })
  sender_event_id!: string | null;

  @Column({ type: 'text' })
  url!: string;

  /** Lower-case names, as received. */
  @Column({ type: 'jsonb' })
  headers!: Record<string, string>;

  @Column({ type: 'bytea' })
  body!: Buffer;

  /** Where it is forwarded, as the webhook said at receipt; `null`: the product pulls it. */
  @Column({ type: 'text', nullable: true })
  forward_url!: string | null;

  /** Delivery attempts of the current round started, the one under way included; a replay starts a round at 0. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** Replays so far: the current delivery round, 0 for the one after receipt. */
  @Column({ type: 'integer', default: 0 })
  replays!: number;

  /**
   * The id of the transaction that stored the event, set by the database: the order a pull reads events in. Once
   * a snapshot's oldest running transaction is past it, no event with a smaller one can still appear, which a
   * timestamp (taken before the insert commits) cannot promise. One insert per transaction, so no two events share it.
   * `txid_current()` is `pg_current_xact_id()` as a bigint, which a column default can give without a cast.
   */
  @Column({ type: 'bigint', default: () => 'txid_current()', insert: false, update: false })
  sequence?: string;

  @Column({ type: 'timestamptz' })
  received_at!: Date;

  /** When its message reached the delivery stream; an accepted event without it is queued by the sweeper. */
  @Column({ type: 'timestamptz', nullable: true })
  enqueued_at!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  next_attempt_at!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  delivered_at!: Date | null;
}
