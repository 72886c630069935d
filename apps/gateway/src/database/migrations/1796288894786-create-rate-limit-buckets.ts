import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRateLimitBuckets1796288894786 implements MigrationInterface {
  name = 'CreateRateLimitBuckets1796288894786';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE gateway.rate_limit_buckets (
        bucket text PRIMARY KEY,
        tokens double precision NOT NULL,
        refilled_at timestamptz NOT NULL,
        last_taken integer NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE gateway.rate_limit_buckets`);
  }
}
