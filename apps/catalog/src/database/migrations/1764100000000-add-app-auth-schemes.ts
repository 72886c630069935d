import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAppAuthSchemes1764100000000 implements MigrationInterface {
  name = 'AddAppAuthSchemes1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE catalog.apps ADD COLUMN auth_schemes jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE catalog.apps DROP COLUMN auth_schemes`);
  }
}
