import { Module } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { ImportDocumentStore, NATS_CONNECTION } from '@switchboard/platform';
import { AppsModule } from '../apps/apps.module.js';
import { ApiDocumentReader } from './api-document-reader.js';
import { AppImportsController } from './app-imports.controller.js';
import { AppImportsService } from './app-imports.service.js';

/** `catalog.app-import.*`: apps made from API documents in the `import-documents` bucket. */
@Module({
  imports: [AppsModule],
  controllers: [AppImportsController],
  providers: [
    { provide: ImportDocumentStore, inject: [NATS_CONNECTION], useFactory: (nats: NatsConnection) => ImportDocumentStore.open(nats) },
    ApiDocumentReader,
    AppImportsService,
  ],
})
export class AppImportsModule {}
