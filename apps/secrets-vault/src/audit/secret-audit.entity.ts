import type { SecretAuditAction } from '@switchboard/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what with which secret, and at run time for which app, env and run; never the value. */
@Entity({ name: 'secret_audit' })
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
