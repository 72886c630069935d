import { Module, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { exitForInvalidConfig, InvalidConfigError, NATS_CONNECTION } from '@switchboard/platform';
import { Registry } from 'prom-client';
import { OutboundClient } from './outbound-client.js';
import { OutboundMetrics } from './outbound-metrics.js';
import { assertRepliesFit, OutboundConfig, outboundClientOptionsFrom } from './outbound.config.js';

/** The executor's one outbound HTTP client, shared by action runs and `integrations.fetch`. */
@Module({
  providers: [{ provide: OutboundClient, inject: [OutboundConfig, NATS_CONNECTION, Registry], useFactory: outboundClientFor }],
  exports: [OutboundClient],
})
export class OutboundModule implements OnApplicationShutdown {
  constructor(private readonly outbound: OutboundClient) {}

  // Keep-alive pools hold sockets open; closing them lets the process exit promptly.
  async onApplicationShutdown(): Promise<void> {
    await this.outbound.close();
  }
}

// Only the connected server tells its max_payload; a body limit its replies cannot carry stops the executor here.
function outboundClientFor(config: OutboundConfig, nats: NatsConnection, registry: Registry): OutboundClient {
  try {
    assertRepliesFit(config, nats.info?.max_payload ?? Infinity);
  } catch (error) {
    if (!(error instanceof InvalidConfigError)) throw error;
    exitForInvalidConfig(error);
  }
  return new OutboundClient({ ...outboundClientOptionsFrom(config), metrics: new OutboundMetrics(registry) });
}
