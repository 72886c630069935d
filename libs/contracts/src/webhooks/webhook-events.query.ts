import { IsIn, Max, Min } from 'class-validator';
import { IsInstant } from '../common/instant.js';
import { IsQueryInteger } from '../common/query-integer.js';
import { IsEnvSlug, IsOmittable } from '../common/validators.js';
import { WEBHOOK_EVENT_STATUSES, type WebhookEventStatus } from './webhook-event.js';

/** Largest page of `executor.webhook-event.list`. */
export const WEBHOOK_EVENT_LIST_MAX_LIMIT = 200;
/** Page size of `executor.webhook-event.list` when none is asked for. */
export const WEBHOOK_EVENT_LIST_DEFAULT_LIMIT = 50;

/**
 * Query of `GET /v1/products/:product/webhooks/:webhook/events`. Newest first, paged like the run records: pass the
 * `received_at` of the last event of a page as `before`. A product pulling its events passes `after_sequence`
 * instead (0 at first, then the `sequence` of the last event it read): oldest first, each event once, none skipped.
 */
export class WebhookEventsQuery {
  @IsOmittable()
  @IsIn(WEBHOOK_EVENT_STATUSES, { message: `$property must be one of ${WEBHOOK_EVENT_STATUSES.join(', ')}` })
  status?: WebhookEventStatus;

  @IsOmittable()
  @IsEnvSlug()
  env?: string;

  @IsOmittable()
  @Min(1)
  @Max(WEBHOOK_EVENT_LIST_MAX_LIMIT)
  @IsQueryInteger()
  limit?: number;

  /** Only events received strictly before this instant: the `received_at` of the last event of the previous page. */
  @IsOmittable()
  @IsInstant({ message: '$property must be an ISO 8601 date-time (the received_at of the last event of the previous page)' })
  before?: string;

  /** Only events received strictly after this instant: the start of a time range. */
  @IsOmittable()
  @IsInstant({ message: '$property must be an ISO 8601 date-time with a zone, such as 2026-01-31T12:00:00Z' })
  after?: string;

  /**
   * Pulling: only events whose `sequence` is greater, oldest first. An event shows up here only once every event
   * with a smaller sequence is stored or never will be, so a poller resuming from its last sequence misses none.
   */
  @IsOmittable()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  @IsQueryInteger()
  after_sequence?: number;
}
