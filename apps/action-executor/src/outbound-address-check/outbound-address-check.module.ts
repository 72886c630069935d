import { Module } from '@nestjs/common';
import { OutboundModule } from '../outbound/outbound.module.js';
import { OutboundAddressCheckController } from './outbound-address-check.controller.js';

/** `executor.outbound-address.check`: the outbound address policy, asked ahead of any call. */
@Module({
  imports: [OutboundModule],
  controllers: [OutboundAddressCheckController],
})
export class OutboundAddressCheckModule {}
