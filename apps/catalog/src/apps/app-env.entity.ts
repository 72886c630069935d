import type { AppEnvTimeoutsInput, RequestType } from '@switchboard/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { AppEntity } from './app.entity.js';

@Entity({ name: 'app_envs' })
@Unique('app_envs_app_slug_unique', ['app', 'slug'])
@Index('app_envs_app_idx', ['app'])
@Check('app_envs_request_type_check', "request_type IN ('JSON', 'XML', 'FORM', 'MULTIPART', 'TEXT')")
export class AppEnvEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @ManyToOne(() => AppEntity, (app) => app.envs, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'app_id', foreignKeyConstraintName: 'app_envs_app_id_fkey' })
  app!: Relation<AppEntity>;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ name: 'base_url', type: 'text' })
  baseUrl!: string;

  @Column({ name: 'request_type', type: 'text' })
  requestType!: RequestType;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'jsonb', default: {} })
  timeouts!: AppEnvTimeoutsInput;

  @Column({ type: 'smallint' })
  position!: number;
}
