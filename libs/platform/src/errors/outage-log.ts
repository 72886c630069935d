export interface OutageLogger {
  warn(context: object, message: string): void;
}

/**
 * Warns of a dependency's outage at most once a second however many requests meet it (the rest are counted into the
 * next warning), with what `causeOf` makes of the error: a code and a message, never a query, a value or a token.
 */
export class OutageLog {
  #lastAt = Number.NEGATIVE_INFINITY;
  #unlogged = 0;

  constructor(
    private readonly logger: OutageLogger,
    private readonly message: string,
    private readonly causeOf: (error: unknown) => unknown,
  ) {}

  note(error: unknown, context: object = {}): void {
    const now = Date.now();
    if (now - this.#lastAt < 1000) {
      this.#unlogged += 1;
      return;
    }
    this.logger.warn({ ...context, cause: this.causeOf(error), since_last: this.#unlogged }, this.message);
    this.#lastAt = now;
    this.#unlogged = 0;
  }
}
