import { Module } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { ImportDocumentStore, NATS_CONNECTION } from '@switchboard/platform';
import { OutboundClient } from '../outbound/outbound-client.js';
import { OutboundModule } from '../outbound/outbound.module.js';
import { ImportDocumentFetchController } from './import-document-fetch.controller.js';
import { ImportDocumentFetchService } from './import-document-fetch.service.js';

/** `actions.import-document.fetch`: API documents to import, downloaded under the address policy. */
@Module({
  imports: [OutboundModule],
  controllers: [ImportDocumentFetchController],
  providers: [
    {
      provide: ImportDocumentFetchService,
      inject: [OutboundClient, NATS_CONNECTION],
      useFactory: async (outbound: OutboundClient, nats: NatsConnection) => new ImportDocumentFetchService(outbound, await ImportDocumentStore.open(nats)),
    },
  ],
})
export class ImportDocumentModule {}
