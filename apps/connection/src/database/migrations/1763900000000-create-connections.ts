import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateConnections1763900000000 implements MigrationInterface {
  name = 'CreateConnections1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE connection.connections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id text NOT NULL,
        product_tag text NOT NULL,
        access_tag text NOT NULL,
        app_tag text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT connections_access_tag_unique UNIQUE (workspace_id, product_tag, access_tag)
      )`);
    await queryRunner.query(`
      CREATE TABLE connection.connection_envs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id text NOT NULL,
        connection_id uuid NOT NULL REFERENCES connection.connections(id) ON DELETE CASCADE,
        product_env_slug text NOT NULL,
        app_env_slug text NOT NULL,
        base_url text,
        request_type text CHECK (request_type IN ('JSON', 'XML', 'FORM', 'MULTIPART', 'TEXT')),
        active boolean NOT NULL,
        variables jsonb NOT NULL DEFAULT '[]',
        auth jsonb NOT NULL DEFAULT '[]',
        position smallint NOT NULL,
        CONSTRAINT connection_envs_product_env_unique UNIQUE (connection_id, product_env_slug)
      )`);
    await queryRunner.query(`CREATE INDEX connection_envs_connection_idx ON connection.connection_envs (connection_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE connection.connection_envs, connection.connections`);
  }
}
