import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSecretValues1763900000100 implements MigrationInterface {
  name = 'CreateSecretValues1763900000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Sizes are checked here too: a row with a short IV or tag is corrupt, whoever wrote it.
    await queryRunner.query(`
      CREATE TABLE secrets_vault.secret_values (
        value_id uuid PRIMARY KEY,
        workspace_id text NOT NULL,
        ciphertext bytea NOT NULL,
        iv bytea NOT NULL CHECK (octet_length(iv) = 12),
        auth_tag bytea NOT NULL CHECK (octet_length(auth_tag) = 16),
        wrapped_data_key bytea NOT NULL CHECK (octet_length(wrapped_data_key) = 32),
        data_key_iv bytea NOT NULL CHECK (octet_length(data_key_iv) = 12),
        data_key_auth_tag bytea NOT NULL CHECK (octet_length(data_key_auth_tag) = 16),
        master_key_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Rotation and the start-up check look rows up by the key that wraps them.
    await queryRunner.query(`CREATE INDEX secret_values_master_key_idx ON secrets_vault.secret_values (master_key_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE secrets_vault.secret_values`);
  }
}
