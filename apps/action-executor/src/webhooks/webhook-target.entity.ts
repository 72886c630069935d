import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How delivery to one webhook's forward target is doing: `action_executor.webhook_targets`, a row from the target's
 * first failed attempt on. Every replica changes it in one statement under its row lock, so they agree on when it
 * started failing and when it was disabled.
 */
@Entity({ name: 'webhook_targets' })
export class WebhookTargetEntity {
  @PrimaryColumn({ type: 'text' })
  workspace_id!: string;

  @PrimaryColumn({ type: 'text' })
  product!: string;

  /** The webhook's tag. */
  @PrimaryColumn({ type: 'text' })
  webhook!: string;

  /** The first failed attempt after the last delivered one; `null` once one is delivered. */
  @Column({ type: 'timestamptz', nullable: true })
  failing_since!: Date | null;

  /** The latest failed attempt's error, shown while failing. */
  @Column({ type: 'text', nullable: true })
  last_failure!: string | null;

  /** Set when it had failed for longer than `WEBHOOK_TARGET_DISABLE_AFTER_MS`: events are held until it is enabled. */
  @Column({ type: 'timestamptz', nullable: true })
  disabled_at!: Date | null;

  @Column({ type: 'text', nullable: true })
  disabled_reason!: string | null;
}
