import type { ActionRunInput, ErrorBody, RunActionBody, RunRecordTimings } from '@switchboard/contracts';
import type { RunTarget } from '../runs/run-target.js';

/** How a run ended: the upstream answered (whatever its status), or an error came before or instead of an answer. */
export type RunOutcome = { status: 'succeeded'; httpStatus: number } | { status: 'failed'; error: ErrorBody };

/**
 * Everything the runner knew when a run ended, handed to the RunRecordWriter as it is: turning it into a row
 * (building the URL, redacting) happens in the flusher, after the reply has gone.
 */
export interface FinishedRun {
  runId: string;
  workspaceId: string;
  run: RunActionBody;
  /** The input with its references as written: never the substituted one. */
  input: ActionRunInput;
  /** Unknown when the run failed before its connection and action were found. */
  target: RunTarget | undefined;
  /** The secrets resolved for the run: their versions are recorded, their values only redacted. */
  secrets: Readonly<Record<string, { value: string; version: number }>>;
  /** When the run started, in milliseconds since the epoch, with a fraction for the microseconds. */
  startedAtEpochMs: number;
  timings: RunRecordTimings;
  outcome: RunOutcome;
}
