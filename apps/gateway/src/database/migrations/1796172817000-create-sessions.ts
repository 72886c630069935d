import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSessions1796172817000 implements MigrationInterface {
  name = 'CreateSessions1796172817000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE gateway.sessions (
        id text PRIMARY KEY,
        token_hash text NOT NULL,
        workspace_id text NOT NULL REFERENCES gateway.workspaces(id) ON DELETE CASCADE,
        user_id text NOT NULL REFERENCES gateway.users(id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ended_at timestamptz
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX sessions_token_hash_key ON gateway.sessions (token_hash)`);
    await queryRunner.query(`CREATE INDEX sessions_user_idx ON gateway.sessions (user_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE gateway.sessions`);
  }
}
