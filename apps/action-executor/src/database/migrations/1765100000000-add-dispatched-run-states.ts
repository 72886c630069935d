import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dispatched runs: a record now exists from the moment a run is queued and moves through queued → running →
 * succeeded | failed | dead_lettered, counting its attempts. Synchronous runs keep one attempt of one.
 */
export class AddDispatchedRunStates1765100000000 implements MigrationInterface {
  name = 'AddDispatchedRunStates1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The first migration's inline CHECK got PostgreSQL's default name, <table>_<column>_check.
    await queryRunner.query(`ALTER TABLE action_executor.action_runs DROP CONSTRAINT action_runs_status_check`);
    await queryRunner.query(`
      ALTER TABLE action_executor.action_runs
        ADD CONSTRAINT action_runs_status_check CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'dead_lettered')),
        ADD COLUMN attempts integer NOT NULL DEFAULT 1 CHECK (attempts >= 0),
        ADD COLUMN max_attempts integer NOT NULL DEFAULT 1 CHECK (max_attempts >= 1)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The old constraint knows only the two final states: unfinished and dead-lettered runs are kept as failed.
    await queryRunner.query(`UPDATE action_executor.action_runs SET status = 'failed' WHERE status NOT IN ('succeeded', 'failed')`);
    await queryRunner.query(`ALTER TABLE action_executor.action_runs DROP CONSTRAINT action_runs_status_check`);
    await queryRunner.query(`
      ALTER TABLE action_executor.action_runs
        DROP COLUMN attempts,
        DROP COLUMN max_attempts,
        ADD CONSTRAINT action_runs_status_check CHECK (status IN ('succeeded', 'failed'))`);
  }
}
