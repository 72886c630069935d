import { SwitchboardError } from '../src/index.js';

/** The SwitchboardError a call rejects with; fails when it resolves or rejects with anything else. */
export async function rejectionOf(promise: Promise<unknown>): Promise<SwitchboardError> {
  try {
    await promise;
  } catch (error: unknown) {
    if (error instanceof SwitchboardError) return error;
    throw error;
  }
  throw new Error('the call succeeded');
}
