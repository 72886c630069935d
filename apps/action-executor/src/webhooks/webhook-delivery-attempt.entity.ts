import { Check, Column, Entity, ManyToOne, JoinColumn, PrimaryColumn } from 'typeorm';
import { WebhookEventEntity } from './webhook-event.entity.js';

/** One attempt to forward an event: `action_executor.webhook_delivery_attempts`, written when the attempt ends. */
@Entity({ name: 'webhook_delivery_attempts' })
@Check('webhook_delivery_attempts_attempt_check', 'attempt >= 1')
export class WebhookDeliveryAttemptEntity {
  @PrimaryColumn({ type: 'text' })
  event_id!: string;

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
