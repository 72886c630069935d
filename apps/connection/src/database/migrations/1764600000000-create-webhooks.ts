import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWebhooks1764600000000 implements MigrationInterface {
  name = 'CreateWebhooks1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE connection.webhooks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id text NOT NULL,
        product_tag text NOT NULL,
        tag text NOT NULL,
        name text NOT NULL,
        scheme text NOT NULL CONSTRAINT webhooks_scheme_check CHECK (scheme IN ('stripe', 'github', 'twilio', 'shopify', 'standard', 'hmac')),
        app_access_tag text,
        signing_secret text NOT NULL,
        forward_url text,
        tolerance_seconds integer NOT NULL,
        hmac jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhooks_tag_unique UNIQUE (workspace_id, product_tag, tag),
        CONSTRAINT webhooks_hmac_check CHECK ((scheme = 'hmac') = (hmac IS NOT NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE connection.webhook_envs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id text NOT NULL,
        webhook_id uuid NOT NULL CONSTRAINT webhook_envs_webhook_id_fkey REFERENCES connection.webhooks(id) ON DELETE CASCADE,
        env_slug text NOT NULL,
        receive_id text NOT NULL,
        position smallint NOT NULL,
        CONSTRAINT webhook_envs_env_unique UNIQUE (webhook_id, env_slug),
        CONSTRAINT webhook_envs_receive_id_unique UNIQUE (receive_id)
      )`);
    await queryRunner.query(`CREATE INDEX webhook_envs_webhook_idx ON connection.webhook_envs (webhook_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE connection.webhook_envs, connection.webhooks`);
  }
}
