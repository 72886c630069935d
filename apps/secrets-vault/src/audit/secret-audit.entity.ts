import type { SecretAuditAction } from '@switchboard/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what with which secret, and at run time for which app, env and run; never the value. */
@Entity({ name: 'secret_audit' })
// Newest first per workspace: the index read backwards.
@Index('secret_audit_workspace_at_idx', ['workspaceId', 'at'])
@Check('secret_audit_action_check', "action IN ('create', 'update', 'rotate', 'delete', 'fetch', 'use')")
export class SecretAuditEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  action!: SecretAuditAction;

  @Column({ type: 'integer', nullable: true })
  version!: number | null;

  @Column({ name: 'user_id', type: 'text', nullable: true })
  userId!: string | null;

  @Column({ type: 'text', nullable: true })
  app!: string | null;

  @Column({ name: 'access_tag', type: 'text', nullable: true })
  accessTag!: string | null;

  @Column({ type: 'text', nullable: true })
  env!: string | null;

  @Column({ name: 'run_id', type: 'text', nullable: true })
  runId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
