import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  WEBHOOK_EVENT_ATTEMPTS_SHOWN,
  WEBHOOK_EVENT_LIST_DEFAULT_LIMIT,
  type WebhookDeliveryAttemptView,
  type WebhookEventsQuery,
  type WebhookEventStatus,
  type WebhookReplayableStatus,
} from '@switchboard/contracts';
import { DataSource } from 'typeorm';
import type { WebhookEventEntity } from '../webhooks/webhook-event.entity.js';
import { beginDeliveryRounds, type DeliveryRound } from '../webhooks/delivery-rounds.js';

/** The webhook whose events are read: its workspace, product and tag. */
export interface WebhookKey {
  workspaceId: string;
  product: string;
  webhook: string;
}

/** An event as the list shows it, straight from its row. */
export type EventSummaryRow = Pick<
  WebhookEventEntity,
  'id' | 'env' | 'status' | 'verification' | 'error_code' | 'error_message' | 'sender_event_id' | 'attempts' | 'replays' | 'delivered_at' | 'next_attempt_at'
> & { sequence: string; received_at: string };

/** An event with what arrived and its recorded attempts. */
export type EventRow = EventSummaryRow &
  Pick<WebhookEventEntity, 'url' | 'headers' | 'body' | 'forward_url'> & { delivery_attempts: WebhookDeliveryAttemptView[]; attempts_recorded: number };

/** Which events a bulk replay takes, oldest first. */
export interface ReplayFilter {
  status: WebhookReplayableStatus;
  env?: string;
  after?: string;
  before?: string;
}

/** What replaying one event found: its status before, and the round begun with the event queued, if it could be. */
export type ReplayOutcome = { status: WebhookEventStatus; round?: undefined } | { status: WebhookEventStatus; round: DeliveryRound; queued: EventSummaryRow };

// to_char keeps the microseconds a JavaScript Date would cut; the list's cursor compares at that precision.
const SUMMARY_COLUMNS = `id, sequence, env, status, verification, error_code, error_message, sender_event_id,
  to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS received_at, attempts, replays, delivered_at, next_attempt_at`;

// Every transaction whose id is below the snapshot's xmin has ended: an event of a smaller sequence that is not
// visible now never will be, so a pull may move past it.
const SETTLED = 'sequence < txid_snapshot_xmin(txid_current_snapshot())';

/** What the events API reads and changes of received webhook events, in the executor's own schema. */
@Injectable()
export class WebhookEventLogStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The webhook's events: newest first, or oldest first by sequence for a pull (`after_sequence`). */
  async list(key: WebhookKey, query: WebhookEventsQuery): Promise<EventSummaryRow[]> {
    const where = conditionsOf(key, query);
    if (query.status !== undefined) where.add((p) => `status = ${p}`, query.status);
    const pulling = query.after_sequence !== undefined;
    if (pulling) {
      where.add((p) => `sequence > ${p}`, query.after_sequence);
      where.sql.push(SETTLED);
    }
    const limit = where.parameter(query.limit ?? WEBHOOK_EVENT_LIST_DEFAULT_LIMIT);
    return this.dataSource.query<EventSummaryRow[]>(
      `SELECT ${SUMMARY_COLUMNS} FROM action_executor.webhook_events WHERE ${where.sql.join(' AND ')}
        ORDER BY ${pulling ? 'sequence' : 'received_at DESC, id DESC'} LIMIT ${limit}`,
      where.parameters,
    );
  }

  /** One event of the webhook with its latest attempts, or undefined. */
  async fetch(key: WebhookKey, eventId: string): Promise<EventRow | undefined> {
    const [event] = await this.dataSource.query<(EventSummaryRow & Pick<WebhookEventEntity, 'url' | 'headers' | 'body' | 'forward_url'>)[]>(
      `SELECT ${SUMMARY_COLUMNS}, url, headers, body, forward_url FROM action_executor.webhook_events
        WHERE id = $1 AND workspace_id = $2 AND product = $3 AND webhook = $4`,
      [eventId, key.workspaceId, key.product, key.webhook],
    );
    if (event === undefined) return undefined;
    const latest = await this.dataSource.query<WebhookDeliveryAttemptView[]>(
      `SELECT replay, attempt, started_at, duration_ms, http_status, error_code, error_message
         FROM action_executor.webhook_delivery_attempts WHERE event_id = $1 ORDER BY replay DESC, attempt DESC LIMIT $2`,
      [eventId, WEBHOOK_EVENT_ATTEMPTS_SHOWN],
    );
    const [{ recorded } = { recorded: 0 }] = await this.dataSource.query<{ recorded: number }[]>(
      `SELECT count(*)::int AS recorded FROM action_executor.webhook_delivery_attempts WHERE event_id = $1`,
      [eventId],
    );
    return { ...event, delivery_attempts: latest.reverse(), attempts_recorded: recorded };
  }

  /**
   * Begins a new delivery round of one event, to `forwardUrl`, if its status allows: the event's status before and,
   * when the round began, the round and the event as it stands queued; undefined for an unknown event. The row lock
   * orders it against deliveries.
   */
  async replay(key: WebhookKey, eventId: string, forwardUrl: string, replayable: readonly WebhookEventStatus[]): Promise<ReplayOutcome | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const [event] = await manager.query<{ status: WebhookEventStatus }[]>(
        `SELECT status FROM action_executor.webhook_events WHERE id = $1 AND workspace_id = $2 AND product = $3 AND webhook = $4 FOR UPDATE`,
        [eventId, key.workspaceId, key.product, key.webhook],
      );
      if (event === undefined) return undefined;
      if (!replayable.includes(event.status)) return { status: event.status };
      const [round] = await beginDeliveryRounds(manager, [eventId], forwardUrl);
      // Read before the commit: once it is queued, a delivery may change it at any moment.
      const [queued] = await manager.query<EventSummaryRow[]>(`SELECT ${SUMMARY_COLUMNS} FROM action_executor.webhook_events WHERE id = $1`, [eventId]);
      return round === undefined || queued === undefined ? { status: event.status } : { status: event.status, round, queued };
    });
  }

  /**
   * Begins a new delivery round of up to `max` events matching `filter`, oldest first, and says whether more matched.
   * Rows another replay is taking at the same moment are skipped, so two bulk replays never queue one event twice.
   */
  async replayMatching(key: WebhookKey, filter: ReplayFilter, forwardUrl: string, max: number): Promise<{ rounds: DeliveryRound[]; more: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const where = conditionsOf(key, filter);
      where.add((p) => `status = ${p}`, filter.status);
      const limit = where.parameter(max + 1);
      const matching = await manager.query<{ id: string }[]>(
        `SELECT id FROM action_executor.webhook_events WHERE ${where.sql.join(' AND ')}
          ORDER BY received_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED`,
        where.parameters,
      );
      const rounds = await beginDeliveryRounds(
        manager,
        matching.slice(0, max).map((row) => row.id),
        forwardUrl,
      );
      return { rounds, more: matching.length > max };
    });
  }

  /**
   * Deletes up to `batchSize` events received before `cutoff`, oldest first, with their attempts; never one still
   * being delivered or held for a disabled target (enabling it delivers them: nothing is lost to retention). Rows another replica is deleting are skipped, so replicas sweeping at once do not wait on each other.
   */
  async deleteReceivedBefore(cutoff: Date, batchSize: number): Promise<number> {
    const [result] = await this.dataSource.query<{ deleted: number }[]>(
      `WITH deleted AS (
         DELETE FROM action_executor.webhook_events WHERE id IN (
           SELECT id FROM action_executor.webhook_events WHERE received_at < $1 AND status NOT IN ('queued', 'held')
            ORDER BY received_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING 1
       ) SELECT count(*)::int AS deleted FROM deleted`,
      [cutoff, batchSize],
    );
    return result?.deleted ?? 0;
  }
}

/** A WHERE clause built up with numbered parameters. */
interface Conditions {
  sql: string[];
  parameters: unknown[];
  /** Adds a condition on one value, given the value's placeholder. */
  add(condition: (placeholder: string) => string, value: unknown): void;
  /** Adds a value and answers its placeholder. */
  parameter(value: unknown): string;
}

// The webhook's events, narrowed by env and a time range when asked.
function conditionsOf(key: WebhookKey, range: { env?: string; after?: string; before?: string }): Conditions {
  const conditions: Conditions = {
    sql: ['workspace_id = $1', 'product = $2', 'webhook = $3'],
    parameters: [key.workspaceId, key.product, key.webhook],
    parameter(value) {
      this.parameters.push(value);
      return `$${this.parameters.length}`;
    },
    add(condition, value) {
      this.sql.push(condition(this.parameter(value)));
    },
  };
  if (range.env !== undefined) conditions.add((p) => `env = ${p}`, range.env);
  if (range.after !== undefined) conditions.add((p) => `received_at > ${p}::timestamptz`, range.after);
  if (range.before !== undefined) conditions.add((p) => `received_at < ${p}::timestamptz`, range.before);
  return conditions;
}
