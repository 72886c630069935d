import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { OutboundClient } from './outbound-client.js';
import { OutboundConfig, outboundClientOptionsFrom } from './outbound.config.js';

/** The executor's one outbound HTTP client, shared by action runs and `integrations.fetch`. */
@Module({
  providers: [{ provide: OutboundClient, inject: [OutboundConfig], useFactory: (config: OutboundConfig) => new OutboundClient(outboundClientOptionsFrom(config)) }],
  exports: [OutboundClient],
})
export class OutboundModule implements OnApplicationShutdown {
  constructor(private readonly outbound: OutboundClient) {}

  // Keep-alive pools hold sockets open; closing them lets the process exit promptly.
  async onApplicationShutdown(): Promise<void> {
    await this.outbound.close();
  }
}
