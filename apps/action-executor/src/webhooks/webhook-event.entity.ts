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
@Check('webhook_events_status_check', `status IN (${WEBHOOK_EVENT_STATUSES.map((status) => `'${status}'`).join(', ')})`)
@Check('webhook_events_attempts_check', 'attempts >= 0')
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

  /** Delivery attempts started, the one under way included. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

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
