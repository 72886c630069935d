import type { ConnectionEnvView, RateLimitView, RequestType } from '@switchboard/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { ConnectionEntity } from './connection.entity.js';

/** How one product env reaches the app; null overrides inherit from the mapped app env. */
@Entity({ name: 'connection_envs' })
@Unique('connection_envs_product_env_unique', ['connection', 'productEnvSlug'])
@Index('connection_envs_connection_idx', ['connection'])
@Check('connection_envs_request_type_check', "request_type IN ('JSON', 'XML', 'FORM', 'MULTIPART', 'TEXT')")
export class ConnectionEnvEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @ManyToOne(() => ConnectionEntity, (connection) => connection.envs, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'connection_id', foreignKeyConstraintName: 'connection_envs_connection_id_fkey' })
  connection!: Relation<ConnectionEntity>;

  @Column({ name: 'product_env_slug', type: 'text' })
  productEnvSlug!: string;

  @Column({ name: 'app_env_slug', type: 'text' })
  appEnvSlug!: string;

  @Column({ name: 'base_url', type: 'text', nullable: true })
  baseUrl!: string | null;

  @Column({ name: 'request_type', type: 'text', nullable: true })
  requestType!: RequestType | null;

  @Column({ type: 'boolean' })
  active!: boolean;

  // Stored verbatim: secret references inside stay references until an action runs.
  @Column({ type: 'jsonb', default: () => "'[]'" })
  variables!: ConnectionEnvView['variables'];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  auth!: ConnectionEnvView['auth'];

  /** This env's own request limit, defaults filled in; null where the app's applies. */
  @Column({ name: 'rate_limit', type: 'jsonb', nullable: true })
  rateLimit!: RateLimitView | null;

  @Column({ type: 'smallint' })
  position!: number;
}
