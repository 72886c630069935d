import 'reflect-metadata';
import { QueueGroups, Subjects } from '@switchboard/contracts';
import { startMicroservice } from '@switchboard/platform';
import { CacheConfig } from './cache/cache.config.js';
import { actionExecutorDatabase } from './database/action-executor.database.js';
import { DispatchConfig } from './dispatch/dispatch.config.js';
import { DispatchModule } from './dispatch/dispatch.module.js';
import { JetStreamConfig } from './jetstream/jetstream.config.js';
import { ImportDocumentModule } from './import-document/import-document.module.js';
import { IntegrationFetchModule } from './integration-fetch/integration-fetch.module.js';
import { OutboundAddressCheckModule } from './outbound-address-check/outbound-address-check.module.js';
import { OutboundConfig } from './outbound/outbound.config.js';
import { RunRecordsConfig } from './run-records/run-records.config.js';
import { OAuthConfig } from './runs/oauth/oauth.config.js';
import { RunsConfig } from './runs/runs.config.js';
import { RunsModule } from './runs/runs.module.js';
import { WebhookEventsModule } from './webhook-events/webhook-events.module.js';
import { WebhooksConfig } from './webhooks/webhooks.config.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';

await startMicroservice({
  service: 'action-executor',
  queue: QueueGroups.ActionExecutor,
  healthSubject: Subjects.ActionsHealthCheck,
  database: actionExecutorDatabase,
  configs: [OutboundConfig, RunsConfig, OAuthConfig, RunRecordsConfig, DispatchConfig, CacheConfig, WebhooksConfig, JetStreamConfig],
  features: [RunsModule, IntegrationFetchModule, ImportDocumentModule, DispatchModule, OutboundAddressCheckModule, WebhooksModule, WebhookEventsModule],
});
