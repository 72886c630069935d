import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { PinoLogger } from 'nestjs-pino';

/** What a sweeper logs: at info when a round handled something, at warn when one failed (the next one tries again). */
export interface SweepMessages {
  handled: string;
  failed: string;
}

/**
 * A service that runs `sweep` every interval from start to shutdown, one round at a time (a round slower than the
 * interval skips the next), never keeping a stopping process alive; shutdown waits for the round under way.
 */
export abstract class PeriodicSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  #timer: NodeJS.Timeout | undefined;
  #round: Promise<void> | undefined;

  protected constructor(
    private readonly intervalMs: number,
    private readonly messages: SweepMessages,
    private readonly logger: PinoLogger,
  ) {}

  /** Does one round; answers how many items it handled. */
  abstract sweep(): Promise<number>;

  onApplicationBootstrap(): void {
    this.#timer = setInterval(() => this.#startRound(), this.intervalMs);
    this.#timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.#timer);
    await this.#round;
  }

  #startRound(): void {
    if (this.#round !== undefined) return;
    this.#round = this.sweep()
      .then((count) => {
        if (count > 0) this.logger.info({ count }, this.messages.handled);
      })
      .catch((error: unknown) => this.logger.warn({ err: error }, this.messages.failed))
      .finally(() => {
        this.#round = undefined;
      });
  }
}
