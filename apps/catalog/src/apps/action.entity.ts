import type { HttpMethod, RequestType } from '@switchboard/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { AppEntity } from './app.entity.js';

@Entity({ name: 'actions' })
export class ActionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @ManyToOne(() => AppEntity, (app) => app.actions, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'app_id' })
  app!: Relation<AppEntity>;

  @Column({ type: 'text' })
  tag!: string;

  @Column({ type: 'text' })
  method!: HttpMethod;

  @Column({ type: 'text' })
  path!: string;

  @Column({ name: 'request_type', type: 'text', nullable: true })
  requestType!: RequestType | null;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'smallint' })
  position!: number;
}
