import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One forwarding secret per webhook (workspace, product, tag), its value in the value store. */
export class CreateWebhookForwardingSecrets1796200000000 implements MigrationInterface {
  name = 'CreateWebhookForwardingSecrets1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE secrets_vault.webhook_forwarding_secrets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id text NOT NULL,
        product text NOT NULL,
        webhook text NOT NULL,
        value_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhook_forwarding_secrets_webhook_unique UNIQUE (workspace_id, product, webhook)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE secrets_vault.webhook_forwarding_secrets`);
  }
}
