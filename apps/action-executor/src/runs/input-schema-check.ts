import { ACTION_INPUT_PARTS, ErrorCode, type ActionRunInput, type ActionSchemaView } from '@switchboard/contracts';
import { compileJsonSchema, DomainError, fieldFailure, JsonSchemaInvalidError, type JsonSchemaCheck } from '@switchboard/platform';

/** Throws `input_invalid` naming the first field of a run's input its action's schemas refuse. */
export type InputSchemaCheck = (input: ActionRunInput) => void;

/**
 * Compiles an action's input schemas once, when its run plan is built, into one check; undefined when the action
 * declares none, so a run of such an action checks nothing. `params`, `query` and `headers` left out are checked as
 * `{}` (their required names are reported); a body left out is not checked, as the schema cannot say it is required.
 */
export function compileInputSchemaCheck(schema: ActionSchemaView, actionTag: string): InputSchemaCheck | undefined {
  const checks: { part: (typeof ACTION_INPUT_PARTS)[number]; check: JsonSchemaCheck }[] = [];
  for (const part of ACTION_INPUT_PARTS) {
    const partSchema = schema[part];
    if (partSchema) checks.push({ part, check: compileOrRefuse(partSchema, part, actionTag) });
  }
  if (checks.length === 0) return undefined;
  return (input) => {
    for (const { part, check } of checks) {
      const value = input[part];
      if (part === 'body' && value === undefined) continue;
      const mismatch = check(value ?? {});
      if (mismatch !== undefined) throw new DomainError(ErrorCode.InputInvalid, mismatch, { fields: [{ field: `input.${part}`, messages: [mismatch] }] });
    }
  };
}

// The catalog checked the schema against the meta-schema; what it could not see (a $ref that resolves nowhere) shows here.
function compileOrRefuse(schema: Record<string, unknown>, part: string, actionTag: string): JsonSchemaCheck {
  try {
    return compileJsonSchema(schema, part);
  } catch (error) {
    if (!(error instanceof JsonSchemaInvalidError)) throw error;
    throw fieldFailure(`schema.${part}`, `Action '${actionTag}' has a schema.${part} that cannot be compiled: ${error.message}`);
  }
}
