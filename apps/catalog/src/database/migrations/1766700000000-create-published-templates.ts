import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A workspace's private marketplace listing: its apps it published, each a template only that workspace sees. */
export class CreatePublishedTemplates1766700000000 implements MigrationInterface {
  name = 'CreatePublishedTemplates1766700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE catalog.published_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id text NOT NULL,
        tag text NOT NULL,
        category text NOT NULL,
        version text NOT NULL,
        docs_url text,
        definition jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT published_templates_workspace_tag_unique UNIQUE (workspace_id, tag)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE catalog.published_templates`);
  }
}
