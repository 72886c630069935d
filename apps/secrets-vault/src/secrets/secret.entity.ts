import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, Unique, UpdateDateColumn, type Relation } from 'typeorm';
import { SecretVersionEntity } from './secret-version.entity.js';

/** A workspace secret's metadata; its values live in the value store, one per version. */
@Entity({ name: 'secrets' })
@Unique('secrets_workspace_key_unique', ['workspaceId', 'key'])
export class SecretEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'text', array: true, default: '{}' })
  scope!: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  envs!: string[];

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  /** When a run last used it, to the minute (see `SecretResolver.markUsed`); null if none has. */
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'current_version', type: 'integer' })
  currentVersion!: number;

  @OneToMany(() => SecretVersionEntity, (version) => version.secret)
  versions!: Relation<SecretVersionEntity[]>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
