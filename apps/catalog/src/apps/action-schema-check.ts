import { ACTION_INPUT_PARTS, type ActionInput } from '@switchboard/contracts';
import { assertJsonSchemaValid, fieldFailure, JsonSchemaInvalidError } from '@switchboard/platform';

/**
 * Refuses an app whose action schemas are not JSON Schemas (draft 2020-12), naming the first such field
 * (`actions.2.schema.body`, `actions.0.schema.responses.200`) with the validator's reason.
 */
export function assertActionSchemasValid(actions: readonly ActionInput[]): void {
  actions.forEach((action, index) => {
    const schema = action.schema ?? {};
    for (const part of ACTION_INPUT_PARTS) {
      const partSchema = schema[part];
      if (partSchema) check(partSchema, `actions.${index}.schema.${part}`);
    }
    for (const [status, responseSchema] of Object.entries(schema.responses ?? {})) check(responseSchema, `actions.${index}.schema.responses.${status}`);
  });
}

function check(schema: Record<string, unknown>, field: string): void {
  try {
    assertJsonSchemaValid(schema);
  } catch (error) {
    if (error instanceof JsonSchemaInvalidError) throw fieldFailure(field, `${field} is not a valid JSON Schema: ${error.message}`);
    throw error;
  }
}
