import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../workspaces/user.entity.js';
import { WorkspaceEntity } from '../workspaces/workspace.entity.js';

/**
 * One of a member's API keys. Only a hash of the secret part is kept (a stolen table grants nothing), and it is how
 * a presented key is found; revoking a key deletes its row.
 */
@Entity({ name: 'api_keys' })
@Index('api_keys_key_hash_key', ['keyHash'], { unique: true })
@Index('api_keys_user_idx', ['userId'])
export class ApiKeyEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @ForeignKey(() => UserEntity, { name: 'api_keys_user_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'user_id', type: 'text' })
  userId!: string;

  @ForeignKey(() => WorkspaceEntity, { name: 'api_keys_workspace_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'key_hash', type: 'text' })
  keyHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'rotated_at', type: 'timestamptz', nullable: true })
  rotatedAt!: Date | null;
}
