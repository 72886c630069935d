import { IsInt, Max, Min } from 'class-validator';

/** Settings of the run path, each with a default for local use. */
export class RunsConfig {
  /** Outbound calls one connection may have in flight on one executor. */
  @IsInt()
  @Min(1)
  @Max(10_000)
  RUN_MAX_IN_FLIGHT_PER_CONNECTION: number = 32;

  /** How long a run over that cap waits for a turn before it is refused with 429 connection_busy. */
  @IsInt()
  @Min(0)
  @Max(600_000)
  RUN_MAX_WAIT_FOR_CONNECTION_MS: number = 5000;
}
