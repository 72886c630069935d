import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Received webhook events (accepted and refused) and their delivery attempts. The raw body is kept as bytes: every
 * signature scheme signs the exact bytes, and the product gets them unchanged.
 */
export class CreateWebhookEvents1796200000000 implements MigrationInterface {
  name = 'CreateWebhookEvents1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE action_executor.webhook_events (
        id text PRIMARY KEY,
        workspace_id text NOT NULL,
        product text NOT NULL,
        webhook text NOT NULL,
        env text NOT NULL,
        receive_id text NOT NULL,
        status text NOT NULL,
        error_code text,
        error_message text,
        verification jsonb NOT NULL,
        sender_event_id text,
        url text NOT NULL,
        headers jsonb NOT NULL,
        body bytea NOT NULL,
        forward_url text,
        attempts integer NOT NULL DEFAULT 0,
        received_at timestamptz NOT NULL,
        enqueued_at timestamptz,
        next_attempt_at timestamptz,
        delivered_at timestamptz,
        CONSTRAINT webhook_events_status_check CHECK (status IN ('refused', 'stored', 'queued', 'delivered', 'dead_lettered')),
        CONSTRAINT webhook_events_attempts_check CHECK (attempts >= 0)
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_events_sender_event_idx ON action_executor.webhook_events (workspace_id, product, webhook, sender_event_id, received_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX webhook_events_unqueued_idx ON action_executor.webhook_events (received_at) WHERE status = 'queued' AND enqueued_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE action_executor.webhook_delivery_attempts (
        event_id text NOT NULL,
        attempt integer NOT NULL,
        started_at timestamptz NOT NULL,
        duration_ms integer NOT NULL,
        http_status integer,
        error_code text,
        error_message text,
        PRIMARY KEY (event_id, attempt),
        CONSTRAINT webhook_delivery_attempts_attempt_check CHECK (attempt >= 1),
        CONSTRAINT webhook_delivery_attempts_event_fk FOREIGN KEY (event_id) REFERENCES action_executor.webhook_events (id) ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE action_executor.webhook_delivery_attempts`);
    await queryRunner.query(`DROP TABLE action_executor.webhook_events`);
  }
}
