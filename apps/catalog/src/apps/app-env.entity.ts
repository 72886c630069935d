import type { AppEnvTimeoutsInput, RequestType } from '@switchboard/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { AppEntity } from './app.entity.js';

@Entity({ name: 'app_envs' })
export class AppEnvEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @ManyToOne(() => AppEntity, (app) => app.envs, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'app_id' })
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
