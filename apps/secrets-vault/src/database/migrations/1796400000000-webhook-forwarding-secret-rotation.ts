import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rotation of forwarding secrets with an overlap: the value a rotation replaced and until when it still signs.
 * `created_at` becomes the current secret's making, which a rotation moves.
 */
export class WebhookForwardingSecretRotation1796400000000 implements MigrationInterface {
  name = 'WebhookForwardingSecretRotation1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE secrets_vault.webhook_forwarding_secrets
        ADD COLUMN previous_value_id uuid,
        ADD COLUMN previous_expires_at timestamptz,
        ADD CONSTRAINT webhook_forwarding_secrets_previous_check CHECK ((previous_value_id IS NULL) = (previous_expires_at IS NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE secrets_vault.webhook_forwarding_secrets
        DROP CONSTRAINT webhook_forwarding_secrets_previous_check,
        DROP COLUMN previous_expires_at,
        DROP COLUMN previous_value_id`);
  }
}
