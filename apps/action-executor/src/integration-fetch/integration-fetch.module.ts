import { Module } from '@nestjs/common';
import { OutboundModule } from '../outbound/outbound.module.js';
import { IntegrationFetchService } from './integration-fetch.service.js';
import { IntegrationFetchController } from './integration-fetch.controller.js';

/** `integrations.fetch`: `actions.integration.fetch` answered by any replica of the executor's queue group. */
@Module({
  imports: [OutboundModule],
  controllers: [IntegrationFetchController],
  providers: [IntegrationFetchService],
})
export class IntegrationFetchModule {}
