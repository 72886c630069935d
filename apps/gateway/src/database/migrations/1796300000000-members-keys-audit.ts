import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Roles, several keys per member and the audit log. Every user so far was the one user its workspace was created
 * with, so each becomes its workspace's owner, and its key becomes that member's first API key.
 */
export class MembersKeysAudit1796300000000 implements MigrationInterface {
  name = 'MembersKeysAudit1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE gateway.users
        ADD COLUMN name text NOT NULL DEFAULT 'Owner',
        ADD COLUMN role text NOT NULL DEFAULT 'owner',
        ADD CONSTRAINT users_role_check CHECK (role IN ('viewer', 'developer', 'admin', 'owner'))`);
    await queryRunner.query(`ALTER TABLE gateway.users ALTER COLUMN name DROP DEFAULT, ALTER COLUMN role DROP DEFAULT`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_one_owner_key ON gateway.users (workspace_id) WHERE role = 'owner'`);
    await queryRunner.query(`
      CREATE TABLE gateway.api_keys (
        id text PRIMARY KEY,
        user_id text NOT NULL REFERENCES gateway.users(id) ON DELETE CASCADE,
        workspace_id text NOT NULL REFERENCES gateway.workspaces(id) ON DELETE CASCADE,
        name text NOT NULL,
        key_hash text NOT NULL,
        expires_at timestamptz,
        last_used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        rotated_at timestamptz
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX api_keys_key_hash_key ON gateway.api_keys (key_hash)`);
    await queryRunner.query(`CREATE INDEX api_keys_user_idx ON gateway.api_keys (user_id)`);
    await queryRunner.query(`
      INSERT INTO gateway.api_keys (id, user_id, workspace_id, name, key_hash, created_at)
      SELECT 'key_' || substr(md5(id), 1, 16), id, workspace_id, 'first key', key_hash, created_at FROM gateway.users`);
    await queryRunner.query(`ALTER TABLE gateway.users DROP COLUMN key_hash`);
    await queryRunner.query(`
      CREATE TABLE gateway.audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id text NOT NULL REFERENCES gateway.workspaces(id) ON DELETE CASCADE,
        user_id text NOT NULL,
        key_id text,
        ip text NOT NULL,
        operation text NOT NULL,
        path text NOT NULL,
        resource text,
        status smallint NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX audit_events_workspace_idx ON gateway.audit_events (workspace_id, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE gateway.audit_events`);
    await queryRunner.query(`ALTER TABLE gateway.users ADD COLUMN key_hash text`);
    // A member's oldest key is the one the single-key schema can keep.
    await queryRunner.query(`
      UPDATE gateway.users u SET key_hash = (SELECT k.key_hash FROM gateway.api_keys k WHERE k.user_id = u.id ORDER BY k.created_at LIMIT 1)`);
    await queryRunner.query(`DELETE FROM gateway.users WHERE key_hash IS NULL`);
    await queryRunner.query(`ALTER TABLE gateway.users ALTER COLUMN key_hash SET NOT NULL, DROP COLUMN name, DROP COLUMN role`);
    await queryRunner.query(`DROP TABLE gateway.api_keys`);
  }
}
