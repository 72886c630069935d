import { NESTING_MAX_DEPTH } from '@switchboard/contracts';
import { fieldFailure } from '@switchboard/platform';
import { PlaceholderDepthError, referencedKeys } from '@switchboard/placeholders';

/**
 * The secret keys `values` reference, or a 400 naming `field` for a value nested too deep to scan. Each value is
 * scanned on its own, so its levels count from itself, as the entry's depth check counts them.
 */
export function referencedKeysOf(field: string, ...values: unknown[]): string[] {
  return withinScanDepth(field, () => [...new Set(values.flatMap((value) => referencedKeys(value)))]);
}

/** Runs a placeholder scan of `field`, turning its depth error into the 400 the entry's depth check gives. */
export function withinScanDepth<T>(field: string, scan: () => T): T {
  try {
    return scan();
  } catch (error) {
    if (error instanceof PlaceholderDepthError) throw fieldFailure(field, `${field} is nested deeper than ${NESTING_MAX_DEPTH} levels`);
    throw error;
  }
}
