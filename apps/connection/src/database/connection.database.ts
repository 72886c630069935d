import type { ServiceDatabase } from '@switchboard/platform';
import { ConnectionEnvEntity } from '../connections/connection-env.entity.js';
import { ConnectionEntity } from '../connections/connection.entity.js';
import { WebhookEnvEntity } from '../webhooks/webhook-env.entity.js';
import { WebhookEntity } from '../webhooks/webhook.entity.js';
import { CreateConnections1763900000000 } from './migrations/1763900000000-create-connections.js';
import { CreateWebhooks1764600000000 } from './migrations/1764600000000-create-webhooks.js';
import { AddConnectionEnvRateLimits1796510000000 } from './migrations/1796510000000-add-connection-env-rate-limits.js';

/** The connection service's own schema: connected apps and their per-env mapping, and webhook definitions with their per-env receive ids. */
export const connectionDatabase: ServiceDatabase = {
  schema: 'connection',
  entities: [ConnectionEntity, ConnectionEnvEntity, WebhookEntity, WebhookEnvEntity],
  migrations: [CreateConnections1763900000000, CreateWebhooks1764600000000, AddConnectionEnvRateLimits1796510000000],
};
