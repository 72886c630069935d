import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What an app installed from the marketplace remembers of its template: its tag and the version installed. */
export class AddAppTemplateOrigin1766600000000 implements MigrationInterface {
  name = 'AddAppTemplateOrigin1766600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE catalog.apps ADD COLUMN template_tag text, ADD COLUMN template_version text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE catalog.apps DROP COLUMN template_tag, DROP COLUMN template_version`);
  }
}
