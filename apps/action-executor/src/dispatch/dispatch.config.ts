import { IsInt, Max, Min } from 'class-validator';

/** Settings of dispatched (asynchronous) runs, each with a default for local use. */
export class DispatchConfig {
  /**
   * How long a delivered run may go without a sign of life from its executor before JetStream hands it to another.
   * An executor working on a run says it is alive three times per period, so this bounds how late a crashed
   * executor's runs are picked up again, not how long a run may take.
   */
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  DISPATCH_ACK_WAIT_MS: number = 30_000;

  /** Attempts a dispatched run gets, the first included, before it is dead-lettered. */
  @IsInt()
  @Min(1)
  @Max(100)
  DISPATCH_MAX_ATTEMPTS: number = 5;

  /** Wait before the second attempt after a failure a retry may cure; it doubles for each further attempt. */
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  DISPATCH_RETRY_BACKOFF_MS: number = 1000;

  /** The longest wait between two attempts, however many came before. */
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  DISPATCH_RETRY_BACKOFF_MAX_MS: number = 60_000;

  /** Dispatched runs one executor works on at once; it pulls no more from the stream until one ends. */
  @IsInt()
  @Min(1)
  @Max(1000)
  DISPATCH_MAX_IN_FLIGHT: number = 16;

  /**
   * How often each executor looks for dispatched runs recorded but never confirmed by the stream (their executor died
   * in between) and publishes those older than one interval. At most a minute, so that a publish repeated because its
   * confirmation was not noted falls in the stream's 2-minute duplicate window.
   */
  @IsInt()
  @Min(100)
  @Max(60_000)
  DISPATCH_SWEEP_INTERVAL_MS: number = 30_000;

  /** On shutdown, how long runs under way may take to finish before they are handed back to the stream. */
  @IsInt()
  @Min(0)
  @Max(600_000)
  DISPATCH_SHUTDOWN_GRACE_MS: number = 5000;
}
