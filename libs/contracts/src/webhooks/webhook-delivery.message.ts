import { IsInt, IsOptional, Matches, Min } from 'class-validator';
import { WorkspaceScopedRequest } from '../common/workspace-scoped.request.js';
import { WEBHOOK_EVENT_ID_PATTERN } from './webhook-event.js';

/**
 * What the executor publishes to the webhook delivery stream for each accepted event with a forward URL: only its
 * id, since the event (raw body, headers, attempts) is in the executor's database, read on every delivery.
 */
export class WebhookDeliveryMessage extends WorkspaceScopedRequest {
  @Matches(WEBHOOK_EVENT_ID_PATTERN, { message: '$property must be wev_ followed by a UUID' })
  event_id!: string;

  /**
   * The delivery round the message is for: absent for the delivery after receipt, n for the n-th replay. A message
   * of an earlier round (a late duplicate) finds the event in another round and sends nothing.
   */
  @IsOptional()
  @Min(1)
  @IsInt()
  replay?: number;
}

