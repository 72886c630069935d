import type { IntegrationSecretOwnerType } from '@switchboard/contracts';
import { Check, Column, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

/** A key/value secret owned by one user or one named network inside a workspace. */
@Entity({ name: 'integration_secrets' })
@Check('integration_secrets_owner_type_check', "owner_type IN ('user', 'network')")
@Unique('integration_secrets_owner_key_unique', ['workspaceId', 'ownerType', 'owner', 'key'])
export class IntegrationSecretEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @Column({ name: 'owner_type', type: 'text' })
  ownerType!: IntegrationSecretOwnerType;

  @Column({ type: 'text' })
  owner!: string;

  @Column({ type: 'text' })
  key!: string;

  @Column({ name: 'value_id', type: 'uuid' })
  valueId!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
