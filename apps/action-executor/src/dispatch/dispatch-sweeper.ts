import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { PeriodicSweeper } from '../jetstream/periodic-sweeper.js';
import { RunRecordStore } from '../run-records/run-record.store.js';
import { DispatchConfig } from './dispatch.config.js';
import { DispatchQueue } from './dispatch-queue.js';

const SWEEP_BATCH = 500;

/**
 * Publishes dispatched runs whose record still holds their message: the executor that accepted one recorded it and
 * stopped (or lost its database) before the stream confirmed it, so no message would ever deliver it. Every
 * `DISPATCH_SWEEP_INTERVAL_MS` it takes those recorded over one interval ago (younger ones may still be publishing).
 * Every replica sweeps; the run id as message id makes the stream store a message once within its duplicate window,
 * which two intervals stay inside.
 */
@Injectable()
export class DispatchSweeper extends PeriodicSweeper {
  constructor(
    private readonly store: RunRecordStore,
    private readonly queue: DispatchQueue,
    private readonly config: DispatchConfig,
    logger: PinoLogger,
  ) {
    super(config.DISPATCH_SWEEP_INTERVAL_MS, { handled: 'queued dispatched runs that had not reached the dispatch stream', failed: 'dispatch sweep failed; retrying at the next interval' }, logger);
    logger.setContext('dispatch');
  }

  /** Publishes every queued run recorded before `now` minus one interval whose message was never confirmed; says how many. */
  async sweep(now = new Date()): Promise<number> {
    const unpublished = await this.store.unpublished(new Date(now.getTime() - this.config.DISPATCH_SWEEP_INTERVAL_MS), SWEEP_BATCH);
    for (const message of unpublished) {
      await this.queue.publish(message);
      await this.store.markPublished(message.run_id);
    }
    return unpublished.length;
  }
}
