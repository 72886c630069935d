import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** One secret value, envelope-encrypted: never the value in clear, never a key in clear. */
@Entity({ name: 'secret_values' })
@Index('secret_values_master_key_idx', ['masterKeyId'])
// AES-256-GCM: 12-byte IVs, 16-byte tags, a 32-byte data key.
@Check('secret_values_iv_check', 'octet_length(iv) = 12')
@Check('secret_values_auth_tag_check', 'octet_length(auth_tag) = 16')
@Check('secret_values_wrapped_data_key_check', 'octet_length(wrapped_data_key) = 32')
@Check('secret_values_data_key_iv_check', 'octet_length(data_key_iv) = 12')
@Check('secret_values_data_key_auth_tag_check', 'octet_length(data_key_auth_tag) = 16')
export class SecretValueEntity {
  @PrimaryColumn({ name: 'value_id', type: 'uuid' })
  valueId!: string;

  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @Column({ name: 'ciphertext', type: 'bytea' })
  ciphertext!: Buffer;

  @Column({ name: 'iv', type: 'bytea' })
  iv!: Buffer;

  @Column({ name: 'auth_tag', type: 'bytea' })
  authTag!: Buffer;

  @Column({ name: 'wrapped_data_key', type: 'bytea' })
  wrappedDataKey!: Buffer;

  @Column({ name: 'data_key_iv', type: 'bytea' })
  dataKeyIv!: Buffer;

  @Column({ name: 'data_key_auth_tag', type: 'bytea' })
  dataKeyAuthTag!: Buffer;

  /** Which master key wraps the data key, so a wrong key is named instead of failing as corruption. */
  @Column({ name: 'master_key_id', type: 'text' })
  masterKeyId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
