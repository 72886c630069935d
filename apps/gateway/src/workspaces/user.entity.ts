import { Role } from '@switchboard/contracts';
import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { WorkspaceEntity } from './workspace.entity.js';

/** A member of one workspace; what they may do is their role, how they sign in is their API keys. */
@Entity({ name: 'users' })
@Index('users_workspace_idx', ['workspaceId'])
@Index('users_one_owner_key', ['workspaceId'], { unique: true, where: `role = '${Role.Owner}'` })
@Check('users_role_check', `role IN (${Object.values(Role).map((role) => `'${role}'`).join(', ')})`)
export class UserEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @ForeignKey(() => WorkspaceEntity, { name: 'users_workspace_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  role!: Role;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
