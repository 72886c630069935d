import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { WorkspaceEntity } from './workspace.entity.js';

/** A user of one workspace. Only a hash of the private key is kept: a stolen table grants nothing. */
@Entity({ name: 'users' })
@Index('users_workspace_idx', ['workspaceId'])
export class UserEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @ForeignKey(() => WorkspaceEntity, { name: 'users_workspace_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @Column({ name: 'key_hash', type: 'text' })
  keyHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
