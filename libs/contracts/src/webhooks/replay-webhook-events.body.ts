import { IsIn } from 'class-validator';
import { IsInstant } from '../common/instant.js';
import { IsEnvSlug, IsOmittable } from '../common/validators.js';
import type { WebhookEventStatus } from './webhook-event.js';

/**
 * The states an event can be replayed from: ended (delivered, dead-lettered) or never forwarded (stored, pulled).
 * A refused receipt never is: its signature did not check out. A queued one is already on its way.
 */
export const WEBHOOK_REPLAYABLE_STATUSES = ['stored', 'delivered', 'dead_lettered'] as const satisfies readonly WebhookEventStatus[];
export type WebhookReplayableStatus = (typeof WEBHOOK_REPLAYABLE_STATUSES)[number];

/** Most events one bulk replay queues; the reply says whether more matched, to be replayed by calling again. */
export const WEBHOOK_BULK_REPLAY_MAX_EVENTS = 1000;

/**
 * Body of `POST /v1/products/:product/webhooks/:webhook/events/replay`: which events to queue again for the webhook's
 * forward URL, oldest first, up to {@link WEBHOOK_BULK_REPLAY_MAX_EVENTS}. Dead-lettered events unless told otherwise.
 */
export class ReplayWebhookEventsBody {
  @IsOmittable()
  @IsIn(WEBHOOK_REPLAYABLE_STATUSES, { message: `$property must be one of ${WEBHOOK_REPLAYABLE_STATUSES.join(', ')}` })
  status?: WebhookReplayableStatus;

  @IsOmittable()
  @IsEnvSlug()
  env?: string;

  /** Only events received strictly after this instant. */
  @IsOmittable()
  @IsInstant()
  after?: string;

  /** Only events received strictly before this instant. */
  @IsOmittable()
  @IsInstant()
  before?: string;
}

/** Reply of a bulk replay. */
export interface WebhookEventsReplayed {
  /** Events queued again. */
  replayed: number;
  /** More events matched than one replay queues: call again (the replayed ones no longer match their old status). */
  more: boolean;
}
