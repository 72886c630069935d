import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { referencedVariableKeys, substituteVariablesDeep } from '@switchboard/placeholders';
import { withinScanDepth } from '../references/referenced-keys.js';
import type { RunTarget } from './run-target.js';

/**
 * The run's input and auth data with the connection env's `$Variable{KEY}`s substituted (their values may bring in
 * secret references, resolved afterwards under the same checks). A variable the env does not set is refused before
 * any secret is resolved or any call made.
 */
export function withVariables<T extends object>(value: T, target: Pick<RunTarget, 'variables' | 'accessTag' | 'env'>): T {
  const referenced = withinScanDepth('input', () => referencedVariableKeys(value));
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
