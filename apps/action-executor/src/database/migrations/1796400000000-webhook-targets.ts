import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Forward targets that fail for long are disabled: `webhook_targets` keeps each failing target's state, and events
 * accepted while it is disabled are `held` (indexed, since enabling a target queues them and views count them).
 */
export class WebhookTargets1796400000000 implements MigrationInterface {
  name = 'WebhookTargets1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE action_executor.webhook_targets (
        workspace_id text NOT NULL,
        product text NOT NULL,
        webhook text NOT NULL,
        failing_since timestamptz,
        last_failure text,
        disabled_at timestamptz,
        disabled_reason text,
        PRIMARY KEY (workspace_id, product, webhook)
      )`);
    await queryRunner.query(`
      ALTER TABLE action_executor.webhook_events
        DROP CONSTRAINT webhook_events_status_check,
        ADD CONSTRAINT webhook_events_status_check CHECK (status IN ('refused', 'stored', 'queued', 'held', 'delivered', 'dead_lettered'))`);
    await queryRunner.query(`CREATE INDEX webhook_events_held_idx ON action_executor.webhook_events (workspace_id, product, webhook) WHERE status = 'held'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX action_executor.webhook_events_held_idx`);
    // Held events go back to waiting for delivery, the only state the old schema has for them.
    await queryRunner.query(`UPDATE action_executor.webhook_events SET status = 'queued', enqueued_at = NULL WHERE status = 'held'`);
    await queryRunner.query(`
      ALTER TABLE action_executor.webhook_events
        DROP CONSTRAINT webhook_events_status_check,
        ADD CONSTRAINT webhook_events_status_check CHECK (status IN ('refused', 'stored', 'queued', 'delivered', 'dead_lettered'))`);
    await queryRunner.query(`DROP TABLE action_executor.webhook_targets`);
  }
}
