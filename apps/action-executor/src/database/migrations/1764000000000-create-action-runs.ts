import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateActionRuns1764000000000 implements MigrationInterface {
  name = 'CreateActionRuns1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE action_executor.action_runs (
        id text PRIMARY KEY,
        workspace_id text NOT NULL,
        product text NOT NULL,
        access_tag text NOT NULL,
        app text,
        env text NOT NULL,
        event text NOT NULL,
        status text NOT NULL CHECK (status IN ('succeeded', 'failed')),
        http_status integer,
        error_code text,
        error_message text,
        method text,
        url text,
        request_headers jsonb NOT NULL DEFAULT '{}',
        request_body jsonb,
        secret_versions jsonb NOT NULL DEFAULT '{}',
        timings jsonb NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX action_runs_workspace_created_idx ON action_executor.action_runs (workspace_id, created_at DESC)`);
    // Retention deletes by age across every workspace.
    await queryRunner.query(`CREATE INDEX action_runs_created_idx ON action_executor.action_runs (created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE action_executor.action_runs`);
  }
}
