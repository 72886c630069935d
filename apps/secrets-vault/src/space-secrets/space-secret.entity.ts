import type { SecretSpace } from '@switchboard/contracts';
import { Column, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

/** A key/value secret owned by one user or one named network inside a workspace. */
@Entity({ name: 'space_secrets' })
@Unique('space_secrets_owner_key_unique', ['workspaceId', 'space', 'owner', 'key'])
export class SpaceSecretEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @Column({ type: 'text' })
  space!: SecretSpace;

  @Column({ type: 'text' })
  owner!: string;

  @Column({ type: 'text' })
  key!: string;

  @Column({ name: 'value_id', type: 'uuid' })
  valueId!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
