import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The token buckets of connections' rate limits, shared by every executor replica. */
export class CreateConnectionRateLimitBuckets1796510000000 implements MigrationInterface {
  name = 'CreateConnectionRateLimitBuckets1796510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE action_executor.connection_rate_limit_buckets (
        bucket text PRIMARY KEY,
        tokens double precision NOT NULL,
        refilled_at timestamptz NOT NULL,
        last_taken integer NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE action_executor.connection_rate_limit_buckets`);
  }
}
