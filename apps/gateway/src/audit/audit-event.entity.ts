import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { WorkspaceEntity } from '../workspaces/workspace.entity.js';

/**
 * One administrative change, written before the reply leaves. The user is kept as an id, not a reference, so the
 * record outlives the member it names.
 */
@Entity({ name: 'audit_events' })
@Index('audit_events_workspace_idx', ['workspaceId', 'id'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @ForeignKey(() => WorkspaceEntity, { name: 'audit_events_workspace_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @Column({ name: 'user_id', type: 'text' })
  userId!: string;

  @Column({ name: 'key_id', type: 'text', nullable: true })
  keyId!: string | null;

  @Column({ type: 'text' })
  ip!: string;

  @Column({ type: 'text' })
  operation!: string;

  @Column({ type: 'text' })
  path!: string;

  @Column({ type: 'text', nullable: true })
  resource!: string | null;

  @Column({ type: 'smallint' })
  status!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}
