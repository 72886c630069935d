import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** The secret Switchboard signs one webhook's forwarded events with; its value is stored like every other value. */
@Entity({ name: 'webhook_forwarding_secrets' })
@Unique('webhook_forwarding_secrets_webhook_unique', ['workspaceId', 'product', 'webhook'])
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
