import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An action's one-line summary and its JSON Schemas by input part and response status; `{}` declares none. */
export class AddActionSummaryAndSchema1766800000000 implements MigrationInterface {
  name = 'AddActionSummaryAndSchema1766800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE catalog.actions ADD COLUMN summary text NOT NULL DEFAULT '', ADD COLUMN schema jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE catalog.actions DROP COLUMN schema, DROP COLUMN summary`);
  }
}
