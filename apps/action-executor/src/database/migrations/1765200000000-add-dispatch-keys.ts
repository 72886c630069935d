import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A dispatched run's idempotency key (its input's `Idempotency-Key` header), unique per workspace, so a client
 * repeating a dispatch it got no answer to finds the run it already queued instead of queuing a second one.
 * Synchronous runs leave it empty: repeating one is the caller's choice, and its key is for the upstream.
 */
export class AddDispatchKeys1765200000000 implements MigrationInterface {
  name = 'AddDispatchKeys1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE action_executor.action_runs ADD COLUMN dispatch_key text`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX action_runs_dispatch_key_idx ON action_executor.action_runs (workspace_id, dispatch_key) WHERE dispatch_key IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX action_executor.action_runs_dispatch_key_idx`);
    await queryRunner.query(`ALTER TABLE action_executor.action_runs DROP COLUMN dispatch_key`);
  }
}
