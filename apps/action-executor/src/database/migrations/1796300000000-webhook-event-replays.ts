import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Replays and pulls of webhook events. Events get `replays` (the delivery round) and `sequence` (the id of the
 * transaction that stored each, the order a pull reads them in); attempts get `replay`, so a replay's attempts count
 * from 1 again beside the earlier ones. Indexes serve the list, the pull and retention.
 *
 * Outside a transaction: the events stored before it would otherwise share this migration's transaction id as their
 * sequence, so each is given its own, one statement apiece, in the order received. Every step may run again.
 */
export class WebhookEventReplays1796300000000 implements MigrationInterface {
  name = 'WebhookEventReplays1796300000000';
  transaction = false;

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE action_executor.webhook_events ADD COLUMN IF NOT EXISTS replays integer NOT NULL DEFAULT 0`);
    await queryRunner.query(
      `ALTER TABLE action_executor.webhook_events ADD COLUMN IF NOT EXISTS sequence bigint NOT NULL DEFAULT txid_current()`,
    );
    const shared = (await queryRunner.query(
      `SELECT id FROM action_executor.webhook_events
        WHERE sequence IN (SELECT sequence FROM action_executor.webhook_events GROUP BY sequence HAVING count(*) > 1)
        ORDER BY received_at, id`,
    )) as { id: string }[];
    for (const { id } of shared) await queryRunner.query(`UPDATE action_executor.webhook_events SET sequence = DEFAULT WHERE id = $1`, [id]);
    await queryRunner.query(`
      ALTER TABLE action_executor.webhook_events
        DROP CONSTRAINT IF EXISTS webhook_events_replays_check,
        ADD CONSTRAINT webhook_events_replays_check CHECK (replays >= 0)`);
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS webhook_events_webhook_received_idx ON action_executor.webhook_events (workspace_id, product, webhook, received_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS webhook_events_webhook_sequence_idx ON action_executor.webhook_events (workspace_id, product, webhook, sequence)`,
    );
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS webhook_events_received_idx ON action_executor.webhook_events (received_at)`);

    await queryRunner.query(`ALTER TABLE action_executor.webhook_delivery_attempts ADD COLUMN IF NOT EXISTS replay integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`
      ALTER TABLE action_executor.webhook_delivery_attempts
        ALTER COLUMN replay DROP DEFAULT,
        DROP CONSTRAINT IF EXISTS webhook_delivery_attempts_replay_check,
        ADD CONSTRAINT webhook_delivery_attempts_replay_check CHECK (replay >= 0),
        DROP CONSTRAINT webhook_delivery_attempts_pkey,
        ADD CONSTRAINT webhook_delivery_attempts_pkey PRIMARY KEY (event_id, replay, attempt)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Attempts of replays cannot keep their numbers under the old key: only the first round's are kept.
    await queryRunner.query(`DELETE FROM action_executor.webhook_delivery_attempts WHERE replay > 0`);
    await queryRunner.query(`
      ALTER TABLE action_executor.webhook_delivery_attempts
        DROP CONSTRAINT webhook_delivery_attempts_pkey,
        ADD CONSTRAINT webhook_delivery_attempts_pkey PRIMARY KEY (event_id, attempt),
        DROP CONSTRAINT webhook_delivery_attempts_replay_check,
        DROP COLUMN replay`);
    await queryRunner.query(`DROP INDEX action_executor.webhook_events_received_idx`);
    await queryRunner.query(`DROP INDEX action_executor.webhook_events_webhook_sequence_idx`);
    await queryRunner.query(`DROP INDEX action_executor.webhook_events_webhook_received_idx`);
    await queryRunner.query(`ALTER TABLE action_executor.webhook_events DROP CONSTRAINT webhook_events_replays_check, DROP COLUMN sequence, DROP COLUMN replays`);
  }
}
