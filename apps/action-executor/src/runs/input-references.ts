import { ErrorCode } from '@switchboard/contracts';
import { DomainError, fieldFailure } from '@switchboard/platform';
import { PlaceholderDepthError, referencedKeys, referencedVariableKeys, substituteVariablesDeep } from '@switchboard/placeholders';
import type { RunTarget } from './run-target.js';

/**
 * The secret keys a run's input and auth data reference, or a clear 400 for input nested too deep to scan. Each value
 * is scanned on its own, so its levels count from itself, as the gateway's depth check counts them.
 */
export function referencedKeysOf(...values: object[]): string[] {
  return withinScanDepth(() => [...new Set(values.flatMap((value) => referencedKeys(value)))]);
}

/**
 * The run's input and auth data with the connection env's `$Variable{KEY}`s substituted (their values may bring in
 * secret references, resolved afterwards under the same checks). A variable the env does not set is refused before
 * any secret is resolved or any call made.
 */
export function withVariables<T extends object>(value: T, target: Pick<RunTarget, 'variables' | 'accessTag' | 'env'>): T {
  const referenced = withinScanDepth(() => referencedVariableKeys(value));
  // Most runs use no variable: they keep their input as it is, without a copy on the run path.
  if (referenced.length === 0) return value;
  const missing = referenced.filter((key) => !target.variables.has(key));
  if (missing.length > 0) {
    throw new DomainError(
      ErrorCode.VariableNotFound,
      `Variable '${missing[0]}' is not set on connection '${target.accessTag}' in env '${target.env}'`,
      { access_tag: target.accessTag, env: target.env, variables: missing },
    );
  }
  return substituteVariablesDeep(value, target.variables);
}

function withinScanDepth<T>(scan: () => T): T {
  try {
    return scan();
  } catch (error) {
    if (error instanceof PlaceholderDepthError) throw fieldFailure('input', 'input is nested deeper than 64 levels');
    throw error;
  }
}
