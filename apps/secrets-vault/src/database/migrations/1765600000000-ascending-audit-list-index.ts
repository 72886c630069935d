import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit list's index becomes ascending, as the entity can declare it (TypeORM has no index order): a btree read
 * backwards gives `at DESC` at the same cost. Built concurrently, outside a transaction, so writes go on.
 */
export class AscendingAuditListIndex1765600000000 implements MigrationInterface {
  name = 'AscendingAuditListIndex1765600000000';
  transaction = false;

  async up(queryRunner: QueryRunner): Promise<void> {
    await reindex(queryRunner, '');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await reindex(queryRunner, ' DESC');
  }
}

async function reindex(queryRunner: QueryRunner, order: string): Promise<void> {
  await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS secrets_vault.secret_audit_workspace_at_next_idx`);
  await queryRunner.query(`CREATE INDEX CONCURRENTLY secret_audit_workspace_at_next_idx ON secrets_vault.secret_audit (workspace_id, at${order})`);
  await queryRunner.query(`DROP INDEX CONCURRENTLY secrets_vault.secret_audit_workspace_at_idx`);
  await queryRunner.query(`ALTER INDEX secrets_vault.secret_audit_workspace_at_next_idx RENAME TO secret_audit_workspace_at_idx`);
}
