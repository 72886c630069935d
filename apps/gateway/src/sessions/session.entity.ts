import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../workspaces/user.entity.js';
import { WorkspaceEntity } from '../workspaces/workspace.entity.js';

/**
 * A sign-in session of one user in one workspace. Only a hash of its token is kept, like keys, so a stolen table
 * signs nobody in; the row outlives sign-out (`ended_at`) until the user's next sign-in clears it.
 */
@Entity({ name: 'sessions' })
@Index('sessions_token_hash_key', ['tokenHash'], { unique: true })
@Index('sessions_user_idx', ['userId'])
export class SessionEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @ForeignKey(() => WorkspaceEntity, { name: 'sessions_workspace_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @ForeignKey(() => UserEntity, { name: 'sessions_user_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'user_id', type: 'text' })
  userId!: string;

  /** Not a credential on its own (it is useless without the cookie), so it is kept as it is and given back on reload. */
  @Column({ name: 'csrf_token', type: 'text' })
  csrfToken!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;
}
