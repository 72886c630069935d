import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a dispatched run was asked to do, as a hash fixed when it was queued: a dispatch repeated under the same
 * Idempotency-Key is the same run only if it asks for the same thing, and the record's request columns cannot say
 * (each attempt rewrites them from the catalog of its time).
 */
export class AddDispatchFingerprints1765400000000 implements MigrationInterface {
  name = 'AddDispatchFingerprints1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE action_executor.action_runs ADD COLUMN dispatch_fingerprint text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE action_executor.action_runs DROP COLUMN dispatch_fingerprint`);
  }
}
