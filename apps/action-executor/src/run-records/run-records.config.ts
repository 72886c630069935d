import { IsInt, Max, Min } from 'class-validator';

/** Settings of the executor's run records; each has a default for local use. */
export class RunRecordsConfig {
  /** Run records older than this many days are deleted, checked every hour. */
  @IsInt()
  @Min(1)
  @Max(3650)
  RUN_RETENTION_DAYS: number = 30;
}
