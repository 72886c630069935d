import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { SecretEntity } from './secret.entity.js';

/** One value of a secret. A rotated-out version keeps its row and value for audit but is never used again. */
@Entity({ name: 'secret_versions' })
@Unique('secret_versions_secret_version_unique', ['secret', 'version'])
export class SecretVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @ManyToOne(() => SecretEntity, (secret) => secret.versions, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'secret_id', foreignKeyConstraintName: 'secret_versions_secret_id_fkey' })
  secret!: Relation<SecretEntity>;

  @Column({ type: 'integer' })
  version!: number;

  /** Address of the value in the value store (embedded table or Vault path). */
  @Column({ name: 'value_id', type: 'uuid' })
  valueId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;
}
