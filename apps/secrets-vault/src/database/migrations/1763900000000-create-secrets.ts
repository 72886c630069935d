import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSecrets1763900000000 implements MigrationInterface {
  name = 'CreateSecrets1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE secrets_vault.secrets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id text NOT NULL,
        key text NOT NULL,
        description text NOT NULL DEFAULT '',
        scope text[] NOT NULL DEFAULT '{}',
        envs text[] NOT NULL DEFAULT '{}',
        expires_at timestamptz,
        current_version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT secrets_workspace_key_unique UNIQUE (workspace_id, key)
      )`);
    await queryRunner.query(`
      CREATE TABLE secrets_vault.secret_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id text NOT NULL,
        secret_id uuid NOT NULL REFERENCES secrets_vault.secrets(id) ON DELETE CASCADE,
        version integer NOT NULL,
        value_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz,
        CONSTRAINT secret_versions_secret_version_unique UNIQUE (secret_id, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE secrets_vault.secret_audit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id text NOT NULL,
        key text NOT NULL,
        action text NOT NULL CHECK (action IN ('create', 'update', 'rotate', 'delete', 'fetch', 'use')),
        version integer,
        user_id text,
        app text,
        access_tag text,
        env text,
        run_id text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX secret_audit_workspace_at_idx ON secrets_vault.secret_audit (workspace_id, at DESC)`);
    await queryRunner.query(`
      CREATE TABLE secrets_vault.space_secrets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id text NOT NULL,
        space text NOT NULL CHECK (space IN ('user', 'network')),
        owner text NOT NULL,
        key text NOT NULL,
        value_id uuid NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT space_secrets_owner_key_unique UNIQUE (workspace_id, space, owner, key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE secrets_vault.space_secrets, secrets_vault.secret_audit, secrets_vault.secret_versions, secrets_vault.secrets`);
  }
}
