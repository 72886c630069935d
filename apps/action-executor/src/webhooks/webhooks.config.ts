import { IsInt, Matches, Max, Min, ValidateBy } from 'class-validator';

/** Svix's published schedule after the first attempt (made at once): 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h. */
export const DEFAULT_RETRY_SCHEDULE_MS = '5000,300000,1800000,7200000,18000000,36000000,36000000';

// An event deleted within the replay window would be stored and delivered again if its sender repeated it.
const CoversReplayWindow = ValidateBy({
  name: 'coversReplayWindow',
  validator: {
    validate: (value: unknown, args) => typeof value === 'number' && value >= (args?.object as WebhooksConfig).WEBHOOK_REPLAY_WINDOW_DAYS,
    defaultMessage: () => 'WEBHOOK_EVENT_RETENTION_DAYS must be at least WEBHOOK_REPLAY_WINDOW_DAYS: a repeat of a deleted event would be delivered again',
  },
});

/** Settings of webhook receipts and deliveries, each with a default for local use. */
export class WebhooksConfig {
  /**
   * The waits before each retry of a delivery, in milliseconds, comma-separated (empty: no retry). The first attempt
   * is made at once, so an event gets one attempt more than there are entries; after the last it is dead-lettered.
   */
  @Matches(/^(\d{1,9}(,\d{1,9}){0,49})?$/, { message: '$property must be up to 50 comma-separated waits in milliseconds, e.g. 5000,300000' })
  WEBHOOK_RETRY_SCHEDULE_MS: string = DEFAULT_RETRY_SCHEDULE_MS;

  /** The longest `Retry-After` a 429 or 503 from the forward URL may ask for; a longer one waits this long. */
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  WEBHOOK_RETRY_AFTER_MAX_MS: number = 3_600_000;

  /** How long one forwarding request may take, connection to last byte of the answer's headers. */
  @IsInt()
  @Min(100)
  @Max(300_000)
  WEBHOOK_DELIVERY_TIMEOUT_MS: number = 15_000;

  /** How long an accepted event id is remembered: a second receipt of it within this window is not delivered again. */
  @IsInt()
  @Min(1)
  @Max(90)
  WEBHOOK_REPLAY_WINDOW_DAYS: number = 7;

  /** Received events (and their delivery attempts) older than this many days are deleted, checked every hour. */
  @IsInt()
  @Min(1)
  @Max(3650)
  @CoversReplayWindow
  WEBHOOK_EVENT_RETENTION_DAYS: number = 30;

  /** How long a delivery may go without a sign of life from its executor before JetStream hands it to another. */
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  WEBHOOK_DELIVERY_ACK_WAIT_MS: number = 30_000;

  /** Deliveries one executor works on at once. */
  @IsInt()
  @Min(1)
  @Max(1000)
  WEBHOOK_DELIVERY_MAX_IN_FLIGHT: number = 16;

  /** On shutdown, how long deliveries under way may take to finish before they are handed back to the stream. */
  @IsInt()
  @Min(0)
  @Max(600_000)
  WEBHOOK_DELIVERY_SHUTDOWN_GRACE_MS: number = 5000;

  /**
   * How long a forward target may fail every attempt (from the first failure after the last delivery) before it is
   * disabled: events are then held, not attempted, until the user enables it again. Five days by default.
   */
  @IsInt()
  @Min(100)
  @Max(7_776_000_000)
  WEBHOOK_TARGET_DISABLE_AFTER_MS: number = 432_000_000;

  /**
   * How often the sweeper queues accepted events whose message never reached the stream (the executor died between
   * storing and publishing, or the stream did not answer), and how old such an event must be to be swept.
   */
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  WEBHOOK_SWEEP_INTERVAL_MS: number = 30_000;
}

/** The retry schedule as waits in milliseconds, one per retry. */
export function retryWaitsOf(config: WebhooksConfig): number[] {
  return config.WEBHOOK_RETRY_SCHEDULE_MS === '' ? [] : config.WEBHOOK_RETRY_SCHEDULE_MS.split(',').map(Number);
}
