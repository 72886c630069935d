import { SwitchboardError } from '@switchboard/sdk';

/** One line for a failure: the API's own message, or what went wrong in the browser. */
export function describeError(error: unknown): string {
  if (error instanceof SwitchboardError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
