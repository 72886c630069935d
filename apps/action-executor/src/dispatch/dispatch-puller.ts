import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { StreamMetrics } from '../jetstream/stream-metrics.js';
import { StreamPuller } from '../jetstream/stream-puller.js';
import { DispatchConfig } from './dispatch.config.js';
import { DispatchQueue } from './dispatch-queue.js';
import { DispatchedRunHandler } from './dispatched-run.handler.js';

/**
 * Pulls dispatched runs from the shared durable consumer and hands each to the DispatchedRunHandler, at most
 * `DISPATCH_MAX_IN_FLIGHT` at once; on shutdown, runs under way get `DISPATCH_SHUTDOWN_GRACE_MS` to finish.
 */
@Injectable()
export class DispatchPuller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly #puller: StreamPuller;

  constructor(queue: DispatchQueue, handler: DispatchedRunHandler, config: DispatchConfig, logger: PinoLogger, metrics: StreamMetrics) {
    logger.setContext('dispatch');
    this.#puller = new StreamPuller({
      queue,
      handle: (message) => handler.handle(message),
      maxInFlight: config.DISPATCH_MAX_IN_FLIGHT,
      ackWaitMs: config.DISPATCH_ACK_WAIT_MS,
      shutdownGraceMs: config.DISPATCH_SHUTDOWN_GRACE_MS,
      logger,
      countDelivery: metrics.watch('dispatch', queue),
      what: 'dispatched runs',
    });
  }

  // Awaited by Nest before the executor answers any request: a dispatch must never find the stream missing.
  onApplicationBootstrap(): Promise<void> {
    return this.#puller.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.#puller.stop();
  }
}
