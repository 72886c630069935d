import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A connection env's own request limit, in place of its app's; null where the app's applies. */
export class AddConnectionEnvRateLimits1796510000000 implements MigrationInterface {
  name = 'AddConnectionEnvRateLimits1796510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE connection.connection_envs ADD COLUMN rate_limit jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE connection.connection_envs DROP COLUMN rate_limit`);
  }
}
