import { Check, Column, Entity, ManyToOne, JoinColumn, PrimaryColumn } from 'typeorm';
import { WebhookEventEntity } from './webhook-event.entity.js';

/** One attempt to forward an event: `action_executor.webhook_delivery_attempts`, written when the attempt ends. */
@Entity({ name: 'webhook_delivery_attempts' })
@Check('webhook_delivery_attempts_attempt_check', 'attempt >= 1')
@Check('webhook_delivery_attempts_replay_check', 'replay >= 0')
export class WebhookDeliveryAttemptEntity {
  @PrimaryColumn({ type: 'text' })
  event_id!: string;

  /** The delivery round: 0 after receipt, n for the n-th replay, whose attempts count from 1 again. */
  @PrimaryColumn({ type: 'integer' })
  replay!: number;

  @PrimaryColumn({ type: 'integer' })
  attempt!: number;

  @ManyToOne(() => WebhookEventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', referencedColumnName: 'id', foreignKeyConstraintName: 'webhook_delivery_attempts_event_fk' })
  event?: WebhookEventEntity;

  @Column({ type: 'timestamptz' })
  started_at!: Date;

  @Column({ type: 'integer' })
  duration_ms!: number;

  /** The forward URL's answer, `null` when none came (refused, unreachable, timed out). */
  @Column({ type: 'integer', nullable: true })
  http_status!: number | null;

  @Column({ type: 'text', nullable: true })
  error_code!: string | null;

  @Column({ type: 'text', nullable: true })
  error_message!: string | null;
}
