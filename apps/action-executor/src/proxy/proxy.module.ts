import { Module } from '@nestjs/common';
import { OutboundModule } from '../outbound/outbound.module.js';
import { FetchProxy } from './fetch-proxy.js';
import { ProxyController } from './proxy.controller.js';

/** `integrations.fetch`: `actions.fetch.proxy` answered by any replica of the executor's queue group. */
@Module({
  imports: [OutboundModule],
  controllers: [ProxyController],
  providers: [FetchProxy],
})
export class ProxyModule {}
