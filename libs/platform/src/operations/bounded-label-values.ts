/** The label value every value past the cap is counted under. */
export const OTHER_LABEL_VALUE = 'other';

/**
 * Keeps a label whose values come from tenants' data (an upstream's host name) from growing without end: the first
 * `max` distinct values are kept as they are, every later one is {@link OTHER_LABEL_VALUE}. Each series costs memory
 * in this process and in Prometheus for as long as the process lives.
 */
export class BoundedLabelValues {
  readonly #seen = new Set<string>();

  constructor(private readonly max: number) {}

  /** `value` itself if it was seen before or there is room for it, else {@link OTHER_LABEL_VALUE}. */
  of(value: string): string {
    if (this.#seen.has(value)) return value;
    if (this.#seen.size >= this.max) return OTHER_LABEL_VALUE;
    this.#seen.add(value);
    return value;
  }
}
