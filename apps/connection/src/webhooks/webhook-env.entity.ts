import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { WebhookEntity } from './webhook.entity.js';

/** One product env a webhook receives in, with the receive id its sender posts to. */
@Entity({ name: 'webhook_envs' })
@Unique('webhook_envs_env_unique', ['webhook', 'envSlug'])
@Unique('webhook_envs_receive_id_unique', ['receiveId'])
@Index('webhook_envs_webhook_idx', ['webhook'])
export class WebhookEnvEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @ManyToOne(() => WebhookEntity, (webhook) => webhook.envs, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'webhook_id', foreignKeyConstraintName: 'webhook_envs_webhook_id_fkey' })
  webhook!: Relation<WebhookEntity>;

  @Column({ name: 'env_slug', type: 'text' })
  envSlug!: string;

  @Column({ name: 'receive_id', type: 'text' })
  receiveId!: string;

  @Column({ type: 'smallint' })
  position!: number;
}
