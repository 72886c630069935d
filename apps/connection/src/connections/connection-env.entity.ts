import type { ConnectionEnvView, RequestType } from '@switchboard/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ConnectionEntity } from './connection.entity.js';

/** How one product env reaches the app; null overrides inherit from the mapped app env. */
@Entity({ name: 'connection_envs' })
export class ConnectionEnvEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @ManyToOne(() => ConnectionEntity, (connection) => connection.envs, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'connection_id' })
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
  @Column({ type: 'jsonb' })
  variables!: ConnectionEnvView['variables'];

  @Column({ type: 'jsonb' })
  auth!: ConnectionEnvView['auth'];

  @Column({ type: 'smallint' })
  position!: number;
}
