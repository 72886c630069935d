import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The message a dispatched run was queued with, kept in its record until the stream confirms it: an executor that
 * recorded the run and died before the publish leaves it here, and the dispatch sweeper publishes it.
 */
export class DispatchOutbox1796520000000 implements MigrationInterface {
  name = 'DispatchOutbox1796520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE action_executor.action_runs ADD COLUMN dispatch_message jsonb`);
    await queryRunner.query(`CREATE INDEX action_runs_unpublished_idx ON action_executor.action_runs (created_at) WHERE dispatch_message IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX action_executor.action_runs_unpublished_idx`);
    await queryRunner.query(`ALTER TABLE action_executor.action_runs DROP COLUMN dispatch_message`);
  }
}
