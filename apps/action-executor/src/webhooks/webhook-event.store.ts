import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { settledDecision, type DeliveryDecision, type SettledDecision } from './delivery-decision.js';
import { WebhookDeliveryAttemptEntity } from './webhook-delivery-attempt.entity.js';
import { WebhookEventEntity } from './webhook-event.entity.js';
import { WebhookTargetStore, type TargetKey } from './webhook-target.store.js';

/** What storing an accepted event did: stored it, or found the sender's event id already accepted in the window. */
export type AcceptedInsert = { inserted: true } | { inserted: false; existingId: string };

/** An event waiting for delivery, with what a delivery attempt needs. */
export type QueuedEvent = Pick<WebhookEventEntity, 'id' | 'workspace_id' | 'product' | 'webhook' | 'headers' | 'body' | 'forward_url' | 'attempts' | 'replays'>;

/** One ended delivery attempt, as its row records it. */
export type EndedAttempt = Omit<WebhookDeliveryAttemptEntity, 'event'>;

/** Why an event is waiting again or dead-lettered: an error code (none for an answer that was not 2xx) and a message. */
export interface DeliveryFailure {
  code: string | null;
  message: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Received webhook events and their delivery attempts, in the executor's own schema. */
@Injectable()
export class WebhookEventStore {
  // Taken from the entity, the one definition of the table: every column the insert writes, with its SQL type.
  readonly #columns: readonly { name: keyof WebhookEventEntity; type: string }[];
  readonly #insertedColumns: readonly string[];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly targets: WebhookTargetStore,
  ) {
    this.#columns = dataSource
      .getMetadata(WebhookEventEntity)
      .columns.filter((column) => column.isInsert)
      .map((column) => {
        // Rows are plain objects keyed by column: a property named otherwise would be written as null.
        if (column.propertyName !== column.databaseName) throw new Error(`WebhookEventEntity.${column.propertyName} must be named as its column, ${column.databaseName}`);
        return { name: column.propertyName as keyof WebhookEventEntity, type: String(column.type) };
      });
    this.#insertedColumns = this.#columns.map((column) => column.name);
  }

  /** Records a refused receipt: kept for the product to see why, never delivered. */
  async insertRefused(event: WebhookEventEntity): Promise<void> {
    await this.dataSource.manager.insert(WebhookEventEntity, event);
  }

  /**
   * Stores an accepted event unless the webhook accepted the same sender event id within the replay window. The check
   * and the insert are one statement, run under a transaction lock on that id, so two receipts of one event racing
   * each other store it once: three round trips in all (BEGIN with the lock, the statement, COMMIT), one without an id.
   */
  async insertAccepted(event: WebhookEventEntity, replayWindowDays: number): Promise<AcceptedInsert> {
    const parameters: unknown[] = [new Date(event.received_at.getTime() - replayWindowDays * DAY_MS)];
    const values = this.#valuesOf(event, parameters);
    // The window's start is $1; the row's own workspace, product, webhook and sender event id name the earlier one.
    const statement = `WITH existing AS (
        SELECT id FROM action_executor.webhook_events
         WHERE workspace_id = ${values.workspace_id} AND product = ${values.product} AND webhook = ${values.webhook}
           AND sender_event_id = ${values.sender_event_id} AND received_at > $1 AND status <> 'refused'
         LIMIT 1
      ), inserted AS (
        INSERT INTO action_executor.webhook_events (${this.#insertedColumns.join(', ')})
        SELECT ${this.#insertedColumns.map((column) => values[column]).join(', ')} WHERE NOT EXISTS (SELECT 1 FROM existing)
      )
      SELECT (SELECT id FROM existing) AS existing_id`;
    if (event.sender_event_id === null) {
      await this.dataSource.query(statement, parameters);
      return { inserted: true };
    }
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      // The lock key is a number computed here, so BEGIN and the lock go as one text without parameters.
      await runner.query(`BEGIN; SELECT pg_advisory_xact_lock(${replayLockKeyOf(event)})`);
      const [row] = (await runner.query(statement, parameters)) as { existing_id: string | null }[];
      await runner.query('COMMIT');
      return row?.existing_id == null ? { inserted: true } : { inserted: false, existingId: row.existing_id };
    } catch (error) {
      // The first error is the one to report; a connection too broken to roll back is dropped by the pool.
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** Notes that the event's message reached the delivery stream, so the sweeper leaves it alone. */
  async markEnqueued(eventId: string): Promise<void> {
    await this.dataSource.query(`UPDATE action_executor.webhook_events SET enqueued_at = now() WHERE id = $1 AND enqueued_at IS NULL`, [eventId]);
  }

  /**
   * Accepted events received before `receivedBefore` whose message never reached the stream, oldest first; a replayed
   * event was received long ago, so it is swept as soon as its replay's publish is missing.
   */
  async unqueued(receivedBefore: Date, limit: number): Promise<Pick<WebhookEventEntity, 'id' | 'workspace_id' | 'replays'>[]> {
    return this.dataSource.query(
      `SELECT id, workspace_id, replays FROM action_executor.webhook_events
        WHERE status = 'queued' AND enqueued_at IS NULL AND received_at < $1 ORDER BY received_at LIMIT $2`,
      [receivedBefore, limit],
    );
  }

  /** The event if it still waits for delivery; `undefined` once it is delivered or dead-lettered, or unknown. */
  async queued(workspaceId: string, eventId: string): Promise<QueuedEvent | undefined> {
    const event = await this.dataSource.manager.findOne(WebhookEventEntity, {
      select: { id: true, workspace_id: true, product: true, webhook: true, headers: true, body: true, forward_url: true, attempts: true, replays: true },
      where: { id: eventId, workspace_id: workspaceId, status: 'queued' },
    });
    return event ?? undefined;
  }

  /**
   * Counts an attempt as started before anything is sent, so an executor dying mid-attempt still used it up; the
   * attempt's number, or `undefined` when the event left `queued` meanwhile.
   */
  async startAttempt(workspaceId: string, eventId: string): Promise<number | undefined> {
    const [rows] = await this.dataSource.query<[{ attempts: number }[], number]>(
      `UPDATE action_executor.webhook_events SET attempts = attempts + 1, next_attempt_at = NULL
        WHERE id = $1 AND workspace_id = $2 AND status = 'queued' RETURNING attempts`,
      [eventId, workspaceId],
    );
    return rows[0]?.attempts;
  }

  /**
   * Holds a queued event of round `replay` instead of attempting it when its webhook's target is disabled; says
   * whether it did.
   */
  async holdIfTargetDisabled(event: TargetKey & { id: string; replays: number }): Promise<boolean> {
    return this.targets.holdIfDisabled(this.dataSource.manager, event, event.id, event.replays);
  }

  /**
   * Records an ended attempt, the target's state after it and the event's, in one transaction: a failure that leaves
   * the target disabled holds an event that would have been retried. Answers what became of the event.
   */
  async endAttempt(attempt: EndedAttempt, target: TargetKey, decision: DeliveryDecision, failure: DeliveryFailure | undefined): Promise<SettledDecision> {
    return this.dataSource.transaction(async (manager) => {
      await manager.insert(WebhookDeliveryAttemptEntity, attempt);
      let disabled = false;
      if (decision.action === 'delivered') await this.targets.recordDelivered(manager, target);
      else disabled = await this.targets.recordFailed(manager, target, failure?.message ?? 'The attempt failed');
      const settled = settledDecision(decision, disabled);
      await manager.update(WebhookEventEntity, { id: attempt.event_id, status: 'queued' }, eventAfter(attempt, settled, failure));
      return settled;
    });
  }

  /** Dead-letters an event whose attempts are used up though its last one never ended (its executor died). */
  async deadLetterUnfinished(eventId: string, failure: DeliveryFailure): Promise<void> {
    await this.dataSource.manager.update(
      WebhookEventEntity,
      { id: eventId, status: 'queued' },
      { status: 'dead_lettered', error_code: failure.code, error_message: failure.message, next_attempt_at: null },
    );
  }

  /** `$n::type` per inserted column, its value appended to `parameters`. */
  #valuesOf(event: WebhookEventEntity, parameters: unknown[]): Record<string, string> {
    const values: Record<string, string> = {};
    for (const column of this.#columns) {
      const value = event[column.name];
      parameters.push(column.type === 'jsonb' && value !== null && value !== undefined ? JSON.stringify(value) : (value ?? null));
      values[column.name] = `$${parameters.length}::${column.type}`;
    }
    return values;
  }
}

/** A 64-bit advisory lock key for (webhook, sender event id): the first 8 bytes of its SHA-256, as a signed integer. */
function replayLockKeyOf(event: WebhookEventEntity): bigint {
  return createHash('sha256').update(`webhook-event:${event.workspace_id}:${event.product}:${event.webhook}:${event.sender_event_id}`).digest().readBigInt64BE(0);
}

function eventAfter(attempt: EndedAttempt, decision: SettledDecision, failure: DeliveryFailure | undefined): Partial<WebhookEventEntity> {
  const error = { error_code: failure?.code ?? null, error_message: failure?.message ?? null };
  switch (decision.action) {
    case 'delivered':
      return { status: 'delivered', delivered_at: new Date(attempt.started_at.getTime() + attempt.duration_ms), error_code: null, error_message: null };
    case 'retry':
      return { ...error, next_attempt_at: new Date(Date.now() + decision.delayMs) };
    case 'dead_letter':
      return { ...error, status: 'dead_lettered', next_attempt_at: null };
    case 'hold':
      return { ...error, status: 'held', next_attempt_at: null };
  }
}
