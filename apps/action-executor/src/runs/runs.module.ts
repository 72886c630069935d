import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { loadConfig } from '@switchboard/platform';
import { OutboundClient } from '../outbound/outbound-client.js';
import { OutboundConfig, outboundClientOptionsFrom } from '../outbound/outbound.config.js';
import { ActionRunner } from './action-runner.js';
import { RunTargetLoader } from './run-target.loader.js';
import { RunsController } from './runs.controller.js';

/** The synchronous run path: `actions.action.run` answered by any replica of the executor's queue group. */
@Module({
  controllers: [RunsController],
  providers: [
    ActionRunner,
    RunTargetLoader,
    { provide: OutboundClient, useFactory: () => new OutboundClient(outboundClientOptionsFrom(loadConfig(OutboundConfig))) },
  ],
})
export class RunsModule implements OnApplicationShutdown {
  constructor(private readonly outbound: OutboundClient) {}

  // Keep-alive pools hold sockets open; closing them lets the process exit promptly.
  async onApplicationShutdown(): Promise<void> {
    await this.outbound.close();
  }
}
