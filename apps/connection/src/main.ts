import 'reflect-metadata';
import { QueueGroups, Subjects } from '@switchboard/contracts';
import { startMicroservice } from '@switchboard/platform';
import { ConnectionsModule } from './connections/connections.module.js';
import { connectionDatabase } from './database/connection.database.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';

await startMicroservice({
  service: 'connection',
  queue: QueueGroups.Connection,
  healthSubject: Subjects.ConnectionHealthCheck,
  database: connectionDatabase,
  configs: [],
  features: [ConnectionsModule, WebhooksModule],
});
