import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateGateway1763900000000 implements MigrationInterface {
  name = 'CreateGateway1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE gateway.workspaces (
        id text PRIMARY KEY,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE gateway.users (
        id text PRIMARY KEY,
        workspace_id text NOT NULL REFERENCES gateway.workspaces(id) ON DELETE CASCADE,
        key_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX users_workspace_idx ON gateway.users (workspace_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE gateway.users, gateway.workspaces`);
  }
}
