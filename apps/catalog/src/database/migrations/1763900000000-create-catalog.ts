import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCatalog1763900000000 implements MigrationInterface {
  name = 'CreateCatalog1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE catalog.apps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id text NOT NULL,
        tag text NOT NULL,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT apps_workspace_tag_unique UNIQUE (workspace_id, tag)
      )`);
    await queryRunner.query(`
      CREATE TABLE catalog.app_envs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id text NOT NULL,
        app_id uuid NOT NULL REFERENCES catalog.apps(id) ON DELETE CASCADE,
        slug text NOT NULL,
        base_url text NOT NULL,
        request_type text NOT NULL CHECK (request_type IN ('JSON', 'XML', 'FORM', 'MULTIPART', 'TEXT')),
        active boolean NOT NULL DEFAULT true,
        position smallint NOT NULL,
        CONSTRAINT app_envs_app_slug_unique UNIQUE (app_id, slug)
      )`);
    await queryRunner.query(`
      CREATE TABLE catalog.actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id text NOT NULL,
        app_id uuid NOT NULL REFERENCES catalog.apps(id) ON DELETE CASCADE,
        tag text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        request_type text CHECK (request_type IN ('JSON', 'XML', 'FORM', 'MULTIPART', 'TEXT')),
        description text NOT NULL DEFAULT '',
        position smallint NOT NULL,
        CONSTRAINT actions_app_tag_unique UNIQUE (app_id, tag)
      )`);
    await queryRunner.query(`
      CREATE TABLE catalog.products (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id text NOT NULL,
        tag text NOT NULL,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT products_workspace_tag_unique UNIQUE (workspace_id, tag)
      )`);
    await queryRunner.query(`
      CREATE TABLE catalog.product_envs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id text NOT NULL,
        product_id uuid NOT NULL REFERENCES catalog.products(id) ON DELETE CASCADE,
        slug text NOT NULL,
        name text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        position smallint NOT NULL,
        CONSTRAINT product_envs_product_slug_unique UNIQUE (product_id, slug)
      )`);
    await queryRunner.query(`CREATE INDEX app_envs_app_idx ON catalog.app_envs (app_id)`);
    await queryRunner.query(`CREATE INDEX actions_app_idx ON catalog.actions (app_id)`);
    await queryRunner.query(`CREATE INDEX product_envs_product_idx ON catalog.product_envs (product_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE catalog.product_envs, catalog.products, catalog.actions, catalog.app_envs, catalog.apps`);
  }
}
