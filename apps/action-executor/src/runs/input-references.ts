import { fieldFailure } from '@switchboard/platform';
import { PlaceholderDepthError, referencedKeys } from '@switchboard/placeholders';

/** The secret keys a run's input references, or a clear 400 for input nested too deep to scan. */
export function referencedKeysOf(input: object): string[] {
  try {
    return referencedKeys(input);
  } catch (error) {
    if (error instanceof PlaceholderDepthError) throw fieldFailure('input', 'input is nested deeper than 64 levels');
    throw error;
  }
}
