import type { ActionSchemaView, HttpMethod, RequestType } from '@switchboard/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { AppEntity } from './app.entity.js';

@Entity({ name: 'actions' })
@Unique('actions_app_tag_unique', ['app', 'tag'])
@Index('actions_app_idx', ['app'])
@Check('actions_request_type_check', "request_type IN ('JSON', 'XML', 'FORM', 'MULTIPART', 'TEXT')")
export class ActionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @ManyToOne(() => AppEntity, (app) => app.actions, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'app_id', foreignKeyConstraintName: 'actions_app_id_fkey' })
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
  summary!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  /** The action's JSON Schemas by part (`params`, `query`, `headers`, `body`, `responses`); `{}` when it declares none. */
  @Column({ type: 'jsonb', default: {} })
  schema!: ActionSchemaView;

  @Column({ type: 'smallint' })
  position!: number;
}
