import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An app's published request limit (`{requests, per, burst, max_wait_ms}`), enforced by the executors; null for none. */
export class AddAppRateLimits1796510000000 implements MigrationInterface {
  name = 'AddAppRateLimits1796510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE catalog.apps ADD COLUMN rate_limit jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE catalog.apps DROP COLUMN rate_limit`);
  }
}
