import type { FinishedRun } from './finished-run.js';

/** Where batches of finished runs go; the production sink builds their rows and inserts them in one statement. */
export type RunRecordSink = (runs: readonly FinishedRun[]) => Promise<void>;

/** The few log calls the writer makes (a PinoLogger in the service). */
export interface RunRecordWriterLog {
  warn(context: object, message: string): void;
  info(context: object, message: string): void;
}

export interface RunRecordWriterOptions {
  /** A batch is written as soon as this many records wait. */
  maxBatch: number;
  /** …or this long after the first record of a batch arrived, whichever comes first. */
  flushIntervalMs: number;
  /** While the database fails, the next attempt waits this long. */
  retryIntervalMs: number;
  /** Records are dropped only after the database has failed for this long… */
  giveUpAfterMs: number;
  /** …or when this many wait, so that an outage cannot exhaust memory. */
  maxQueued: number;
}

export const DEFAULT_RUN_RECORD_WRITER_OPTIONS: RunRecordWriterOptions = {
  maxBatch: 100,
  flushIntervalMs: 200,
  retryIntervalMs: 1000,
  giveUpAfterMs: 60_000,
  maxQueued: 10_000,
};

/**
 * Writes run records after the run has replied, in batches: `record` only queues and returns at once, and a
 * flusher inserts the queue every 200 ms or 100 records, whichever comes first, one insert at a time. A failing
 * database delays records; they are dropped (and counted in the log) only when it has failed for long or the
 * queue is full. `close` writes what is left, on shutdown.
 */
export class RunRecordWriter {
  readonly #options: RunRecordWriterOptions;
  #queue: FinishedRun[] = [];
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> | undefined;
  #failingSince: number | undefined;
  #closed = false;

  constructor(
    private readonly sink: RunRecordSink,
    private readonly log: RunRecordWriterLog,
    options: Partial<RunRecordWriterOptions> = {},
  ) {
    this.#options = { ...DEFAULT_RUN_RECORD_WRITER_OPTIONS, ...options };
  }

  /** How many records wait to be written. */
  get pending(): number {
    return this.#queue.length;
  }

  /** Queues the record of a finished run; never waits and never throws. */
  record(run: FinishedRun): void {
    this.#queue.push(run);
    if (this.#queue.length > this.#options.maxQueued) this.#drop(this.#queue.length - this.#options.maxQueued, 'the queue is full');
    // A flush under way takes what arrives meanwhile; while the database fails, only the retry timer tries again.
    if (this.#flushing !== undefined || this.#failingSince !== undefined) return;
    if (this.#queue.length >= this.#options.maxBatch) {
      // On the next turn of the event loop rather than now: the caller's reply goes first.
      this.#clearTimer();
      this.#schedule(0);
    } else {
      this.#schedule(this.#options.flushIntervalMs);
    }
  }

  /** Writes every queued record (one last attempt if the database fails) and stops the timer: for shutdown. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#clearTimer();
    await this.#flushing;
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, this.#options.maxBatch);
      try {
        await this.sink(batch);
      } catch (error) {
        this.log.warn({ err: error }, 'run records could not be written on shutdown');
        this.#queue.unshift(...batch);
        this.#drop(this.#queue.length, 'the service is shutting down and the database failed');
      }
    }
  }

  #startFlush(): void {
    this.#clearTimer();
    if (this.#flushing !== undefined) return;
    this.#flushing = this.#flush().finally(() => {
      this.#flushing = undefined;
    });
  }

  // Never rejects: a failure keeps the batch queued for the next attempt.
  async #flush(): Promise<void> {
    while (this.#queue.length > 0 && !this.#closed) {
      // Taken off the queue while it is written, so that records dropped meanwhile are never the ones in flight.
      const batch = this.#queue.splice(0, this.#options.maxBatch);
      try {
        await this.sink(batch);
      } catch (error) {
        this.#queue.unshift(...batch);
        this.#failed(error);
        return;
      }
      this.#recovered();
      // A partial batch waits for more records, or for its time.
      if (this.#queue.length < this.#options.maxBatch) break;
    }
    if (this.#queue.length > 0 && !this.#closed) this.#schedule(this.#options.flushIntervalMs);
  }

  #failed(error: unknown): void {
    const now = Date.now();
    if (this.#failingSince === undefined) {
      this.#failingSince = now;
      this.log.warn({ err: error, pending: this.#queue.length }, 'run records could not be written; retrying');
    } else if (now - this.#failingSince >= this.#options.giveUpAfterMs) {
      this.#drop(this.#queue.length, `the database has failed for ${Math.round((now - this.#failingSince) / 1000)} s`);
    } else {
      this.#drop(this.#queue.length - this.#options.maxQueued, 'the queue is full');
    }
    if (!this.#closed) this.#schedule(this.#options.retryIntervalMs);
  }

  #recovered(): void {
    if (this.#failingSince === undefined) return;
    this.log.info({ failed_for_ms: Date.now() - this.#failingSince }, 'run records are written again');
    this.#failingSince = undefined;
  }

  #drop(count: number, reason: string): void {
    if (count <= 0) return;
    this.#queue.splice(0, count);
    this.log.warn({ dropped: count, reason }, `dropped ${count} run records: ${reason}`);
  }

  #schedule(delayMs: number): void {
    if (this.#timer !== undefined || this.#closed) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#startFlush();
    }, delayMs);
    // Pending records must not keep a stopping process alive; shutdown writes them through close().
    this.#timer.unref();
  }

  #clearTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
