import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { WebhookDeliveryStateEntry } from '@switchboard/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { beginDeliveryRounds, type DeliveryRound } from './delivery-rounds.js';
import type { WebhookTargetEntity } from './webhook-target.entity.js';
import { deliveryStateOf, disabledReasonOf } from './webhook-target-state.js';
import { WebhooksConfig } from './webhooks.config.js';

/** The webhook whose forward target it is: workspace, product and tag. */
export interface TargetKey {
  workspace_id: string;
  product: string;
  webhook: string;
}

/**
 * The forward targets' states, changed inside the transaction that records an attempt. Each change is one statement
 * on the target's row, whose lock orders replicas recording attempts at once and an enable, so they all agree; the
 * clock is the database's.
 */
@Injectable()
export class WebhookTargetStore {
  readonly #disableAfterMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: WebhooksConfig,
  ) {
    this.#disableAfterMs = config.WEBHOOK_TARGET_DISABLE_AFTER_MS;
  }

  /** The delivery states of the product's webhooks (or of one) that are not simply healthy, by webhook tag. */
  async states(workspaceId: string, product: string, webhook?: string): Promise<WebhookDeliveryStateEntry[]> {
    const only = webhook === undefined ? '' : 'AND webhook = $3';
    const parameters = webhook === undefined ? [workspaceId, product] : [workspaceId, product, webhook];
    const targets = await this.dataSource.query<WebhookTargetEntity[]>(
      `SELECT webhook, failing_since, last_failure, disabled_at, disabled_reason FROM action_executor.webhook_targets
        WHERE workspace_id = $1 AND product = $2 ${only}`,
      parameters,
    );
    const held = await this.dataSource.query<{ webhook: string; held: number }[]>(
      `SELECT webhook, count(*)::int AS held FROM action_executor.webhook_events
        WHERE workspace_id = $1 AND product = $2 ${only} AND status = 'held' GROUP BY webhook`,
      parameters,
    );
    const tags = new Set([...targets.map((target) => target.webhook), ...held.map((row) => row.webhook)]);
    return [...tags].map((tag) => ({
      webhook: tag,
      delivery: deliveryStateOf(
        targets.find((target) => target.webhook === tag),
        held.find((row) => row.webhook === tag)?.held ?? 0,
      ),
    }));
  }

  /**
   * Enables the target again and begins a delivery round, to `forwardUrl`, of each event held for it, in one
   * transaction under the target's row lock (see {@link holdIfDisabled}); the rounds, to be published after the commit.
   */
  async enable(key: TargetKey, forwardUrl: string): Promise<DeliveryRound[]> {
    return this.dataSource.transaction(async (manager) => {
      // The delete takes the row lock: it waits for a hold under way and makes later ones find the target enabled.
      await manager.query(`DELETE FROM action_executor.webhook_targets WHERE workspace_id = $1 AND product = $2 AND webhook = $3`, [key.workspace_id, key.product, key.webhook]);
      const held = await manager.query<{ id: string }[]>(
        `SELECT id FROM action_executor.webhook_events WHERE workspace_id = $1 AND product = $2 AND webhook = $3 AND status = 'held'
          ORDER BY received_at, id FOR UPDATE`,
        [key.workspace_id, key.product, key.webhook],
      );
      return beginDeliveryRounds(
        manager,
        held.map((event) => event.id),
        forwardUrl,
      );
    });
  }

  /** A delivered attempt ends a failing streak; a disabled target stays disabled until the user enables it. */
  async recordDelivered(manager: EntityManager, key: TargetKey): Promise<void> {
    await manager.query(
      `UPDATE action_executor.webhook_targets SET failing_since = NULL, last_failure = NULL
        WHERE workspace_id = $1 AND product = $2 AND webhook = $3 AND disabled_at IS NULL AND failing_since IS NOT NULL`,
      [key.workspace_id, key.product, key.webhook],
    );
  }

  /**
   * A failed attempt starts a failing streak or continues it, and disables the target once the streak is older than
   * `WEBHOOK_TARGET_DISABLE_AFTER_MS`; says whether the target is disabled now.
   */
  async recordFailed(manager: EntityManager, key: TargetKey, failure: string): Promise<boolean> {
    const [row] = await manager.query<{ disabled: boolean }[]>(
      `INSERT INTO action_executor.webhook_targets AS target (workspace_id, product, webhook, failing_since, last_failure)
       VALUES ($1, $2, $3, now(), $4)
       ON CONFLICT (workspace_id, product, webhook) DO UPDATE SET
         failing_since = coalesce(target.failing_since, now()),
         last_failure = excluded.last_failure,
         disabled_at = CASE WHEN target.disabled_at IS NULL AND target.failing_since < now() - make_interval(secs => $5::float8 / 1000)
                            THEN now() ELSE target.disabled_at END,
         disabled_reason = CASE WHEN target.disabled_at IS NULL AND target.failing_since < now() - make_interval(secs => $5::float8 / 1000)
                                THEN $6 ELSE target.disabled_reason END
       RETURNING disabled_at IS NOT NULL AS disabled`,
      [key.workspace_id, key.product, key.webhook, failure, this.#disableAfterMs, disabledReasonOf(failure, this.#disableAfterMs)],
    );
    return row?.disabled ?? false;
  }

  /**
   * Holds the event, still queued in round `replay`, when its target is disabled, instead of attempting it; says
   * whether it did. The disabled row is locked for share, so an enable committing meanwhile either waits for this
   * and then finds the event held, or goes first and this finds the target enabled.
   */
  async holdIfDisabled(manager: EntityManager, key: TargetKey, eventId: string, replay: number): Promise<boolean> {
    const held = await manager.query<{ id: string }[]>(
      `WITH disabled AS (
         SELECT 1 FROM action_executor.webhook_targets
          WHERE workspace_id = $2 AND product = $3 AND webhook = $4 AND disabled_at IS NOT NULL FOR SHARE
       ), held AS (
         UPDATE action_executor.webhook_events SET status = 'held', next_attempt_at = NULL
          WHERE id = $1 AND status = 'queued' AND replays = $5 AND EXISTS (SELECT 1 FROM disabled) RETURNING id
       ) SELECT id FROM held`,
      [eventId, key.workspace_id, key.product, key.webhook, replay],
    );
    return held.length > 0;
  }
}
