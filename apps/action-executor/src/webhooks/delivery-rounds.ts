import type { EntityManager } from 'typeorm';

/** A round of delivery begun: the event and the round's number. */
export interface DeliveryRound {
  id: string;
  replays: number;
}

/**
 * Begins a new delivery round of each event, to the webhook's current forward URL, in the caller's transaction: a
 * replay, or the release of events held for a disabled target. Attempts count from 1 again (the earlier ones stay
 * recorded under their round), the round's own stream message id is not dropped as a repeat of the last, and the
 * sweeper publishes it should the caller not.
 */
export async function beginDeliveryRounds(manager: EntityManager, eventIds: readonly string[], forwardUrl: string): Promise<DeliveryRound[]> {
  if (eventIds.length === 0) return [];
  // Wrapped in a CTE: TypeORM hands back a bare UPDATE … RETURNING as [rows, count].
  return manager.query<DeliveryRound[]>(
    `WITH begun AS (
       UPDATE action_executor.webhook_events
          SET status = 'queued', attempts = 0, replays = replays + 1, forward_url = $2, enqueued_at = NULL,
              next_attempt_at = NULL, delivered_at = NULL, error_code = NULL, error_message = NULL
        WHERE id = ANY($1::text[]) RETURNING id, replays
     ) SELECT id, replays FROM begun`,
    [eventIds, forwardUrl],
  );
}
