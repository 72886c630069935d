import type { ServiceDatabase } from '@switchboard/platform';
import { ConnectionRateLimitBucketEntity } from '../rate-limits/connection-rate-limit-bucket.entity.js';
import { RunRecordEntity } from '../run-records/run-record.entity.js';
import { WebhookDeliveryAttemptEntity } from '../webhooks/webhook-delivery-attempt.entity.js';
import { WebhookEventEntity } from '../webhooks/webhook-event.entity.js';
import { WebhookTargetEntity } from '../webhooks/webhook-target.entity.js';
import { CreateActionRuns1764000000000 } from './migrations/1764000000000-create-action-runs.js';
import { AddDispatchedRunStates1765100000000 } from './migrations/1765100000000-add-dispatched-run-states.js';
import { AddDispatchKeys1765200000000 } from './migrations/1765200000000-add-dispatch-keys.js';
import { AddDispatchFingerprints1765400000000 } from './migrations/1765400000000-add-dispatch-fingerprints.js';
import { AscendingRunListIndex1765600000000 } from './migrations/1765600000000-ascending-run-list-index.js';
import { CreateWebhookEvents1796200000000 } from './migrations/1796200000000-create-webhook-events.js';
import { WebhookEventReplays1796300000000 } from './migrations/1796300000000-webhook-event-replays.js';
import { WebhookTargets1796400000000 } from './migrations/1796400000000-webhook-targets.js';
import { CreateConnectionRateLimitBuckets1796510000000 } from './migrations/1796510000000-create-connection-rate-limit-buckets.js';
import { DispatchOutbox1796520000000 } from './migrations/1796520000000-dispatch-outbox.js';

/**
 * The action-executor service's own schema: run records, received webhook events, their delivery attempts and forward
 * targets' states, connections' rate-limit buckets.
 */
export const actionExecutorDatabase: ServiceDatabase = {
  schema: 'action_executor',
  entities: [RunRecordEntity, WebhookEventEntity, WebhookDeliveryAttemptEntity, WebhookTargetEntity, ConnectionRateLimitBucketEntity],
  migrations: [
    CreateActionRuns1764000000000, AddDispatchedRunStates1765100000000, AddDispatchKeys1765200000000, AddDispatchFingerprints1765400000000, AscendingRunListIndex1765600000000,
    CreateWebhookEvents1796200000000, WebhookEventReplays1796300000000, WebhookTargets1796400000000, CreateConnectionRateLimitBuckets1796510000000,
    DispatchOutbox1796520000000,
  ],
};
