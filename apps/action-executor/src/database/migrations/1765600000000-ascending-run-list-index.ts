import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The run list's index becomes ascending, as the entity can declare it (TypeORM has no index order): a btree read
 * backwards gives `created_at DESC` at the same cost. Built concurrently, outside a transaction, so writes go on.
 */
export class AscendingRunListIndex1765600000000 implements MigrationInterface {
  name = 'AscendingRunListIndex1765600000000';
  transaction = false;

  async up(queryRunner: QueryRunner): Promise<void> {
    await reindex(queryRunner, '');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await reindex(queryRunner, ' DESC');
  }
}

async function reindex(queryRunner: QueryRunner, order: string): Promise<void> {
  await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS action_executor.action_runs_workspace_created_next_idx`);
  await queryRunner.query(`CREATE INDEX CONCURRENTLY action_runs_workspace_created_next_idx ON action_executor.action_runs (workspace_id, created_at${order})`);
  await queryRunner.query(`DROP INDEX CONCURRENTLY action_executor.action_runs_workspace_created_idx`);
  await queryRunner.query(`ALTER INDEX action_executor.action_runs_workspace_created_next_idx RENAME TO action_runs_workspace_created_idx`);
}
