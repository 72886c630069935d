import type { PinoLogger } from 'nestjs-pino';

export interface SweepTask {
  /** Does one round; answers how many items it handled. */
  sweep(): Promise<number>;
  intervalMs: number;
  /** Logged at info when a round handled something. */
  handled: string;
  /** Logged at warn when a round failed; the next one tries again. */
  failed: string;
}

/**
 * Runs a sweep every interval, one round at a time (a round slower than the interval skips the next), never keeping
 * a stopping process alive; `stop` waits for the round under way.
 */
export class PeriodicSweep {
  #timer: NodeJS.Timeout | undefined;
  #round: Promise<void> | undefined;

  constructor(
    private readonly task: SweepTask,
    private readonly logger: PinoLogger,
  ) {}

  start(): void {
    this.#timer = setInterval(() => this.#startRound(), this.task.intervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#round;
  }

  #startRound(): void {
    if (this.#round !== undefined) return;
    this.#round = this.task
      .sweep()
      .then((count) => {
        if (count > 0) this.logger.info({ count }, this.task.handled);
      })
      .catch((error: unknown) => this.logger.warn({ err: error }, this.task.failed))
      .finally(() => {
        this.#round = undefined;
      });
  }
}
