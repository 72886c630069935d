import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * The secret Switchboard signs one webhook's forwarded events with, and during a rotation's overlap the one it
 * replaced; their values are stored like every other value.
 */
@Entity({ name: 'webhook_forwarding_secrets' })
@Unique('webhook_forwarding_secrets_webhook_unique', ['workspaceId', 'product', 'webhook'])
@Check('webhook_forwarding_secrets_previous_check', '(previous_value_id IS NULL) = (previous_expires_at IS NULL)')
export class WebhookForwardingSecretEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @Column({ type: 'text' })
  product!: string;

  /** The webhook's tag. */
  @Column({ type: 'text' })
  webhook!: string;

  @Column({ name: 'value_id', type: 'uuid' })
  valueId!: string;

  /** The value the latest rotation replaced, kept until a later rotation (it signs only until `previousExpiresAt`). */
  @Column({ name: 'previous_value_id', type: 'uuid', nullable: true })
  previousValueId!: string | null;

  @Column({ name: 'previous_expires_at', type: 'timestamptz', nullable: true })
  previousExpiresAt!: Date | null;

  /** When the current value was made: at first use, then by each rotation. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
