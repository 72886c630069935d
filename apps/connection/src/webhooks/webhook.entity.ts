import type { WebhookHmacView, WebhookScheme } from '@switchboard/contracts';
import { Check, Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, Unique, UpdateDateColumn, type Relation } from 'typeorm';
import { WebhookEnvEntity } from './webhook-env.entity.js';

/** A signed inbound endpoint of a product: how its sender signs, with which secret, and where events go. */
@Entity({ name: 'webhooks' })
@Unique('webhooks_tag_unique', ['workspaceId', 'productTag', 'tag'])
@Check('webhooks_scheme_check', "scheme IN ('stripe', 'github', 'twilio', 'shopify', 'standard', 'hmac')")
// The generic HMAC's options go with that scheme and no other, so a reader never has to guess which applies.
@Check('webhooks_hmac_check', "(scheme = 'hmac') = (hmac IS NOT NULL)")
export class WebhookEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @Column({ name: 'product_tag', type: 'text' })
  productTag!: string;

  @Column({ type: 'text' })
  tag!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  scheme!: WebhookScheme;

  /** The access tag of the sending app's connection in the same product. */
  @Column({ name: 'app_access_tag', type: 'text', nullable: true })
  appAccessTag!: string | null;

  // A secret reference as written, never a value: the executor resolves it per receipt.
  @Column({ name: 'signing_secret', type: 'text' })
  signingSecret!: string;

  @Column({ name: 'forward_url', type: 'text', nullable: true })
  forwardUrl!: string | null;

  @Column({ name: 'tolerance_seconds', type: 'integer' })
  toleranceSeconds!: number;

  @Column({ type: 'jsonb', nullable: true })
  hmac!: WebhookHmacView | null;

  @OneToMany(() => WebhookEnvEntity, (env) => env.webhook, { cascade: true })
  envs!: Relation<WebhookEnvEntity[]>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
