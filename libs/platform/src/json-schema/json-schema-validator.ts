import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { LRUCache } from 'lru-cache';

// ajv-formats is CommonJS: under NodeNext its default import is the module object, whose `default` is the plugin.
const addFormats = addFormatsPlugin as unknown as typeof addFormatsPlugin.default;

/** A compiled JSON Schema: true when the value matches, else the first mismatch as `<part>.<field> must …`. */
export type JsonSchemaCheck = (value: unknown) => string | undefined;

/** Why a schema could not be compiled, in Ajv's words (`unknown keyword`, `can't resolve reference #/$defs/x`). */
export class JsonSchemaInvalidError extends Error {}

/**
 * One Ajv for the process, draft 2020-12 (the dialect of OpenAPI 3.1) with the formats OpenAPI names (int32, date-time,
 * email, …). `strict: false` lets through the keywords OpenAPI adds to JSON Schema (`example`, `xml`, `discriminator`,
 * `externalDocs`, `deprecated`, `readOnly`, `writeOnly`) and formats it does not know, which it ignores, as OpenAPI
 * says a validator should. `allErrors: false`: the first mismatch is enough to name and stops the walk early.
 */
const ajv = new Ajv2020({ strict: false, allErrors: false, logger: false, validateFormats: true });
addFormats(ajv);

/**
 * Compiles `schema` into a check whose messages name fields from `part` (`body` → `body.amount must be integer`).
 * Throws JsonSchemaInvalidError when it is not a schema Ajv can compile.
 */
export function compileJsonSchema(schema: Record<string, unknown>, part: string): JsonSchemaCheck {
  const validate = compile(schema);
  return (value) => (validate(value) ? undefined : describeMismatch(validate.errors?.[0], part));
}

/**
 * Throws JsonSchemaInvalidError unless `schema` is valid against the draft 2020-12 meta-schema. Not a compile: that
 * costs milliseconds a schema (code generation), too much for an app of thousands of actions at every create; the
 * run plan compiles the schemas of the one action it runs, and a `$ref` that does not resolve is refused there.
 */
export function assertJsonSchemaValid(schema: Record<string, unknown>): void {
  if (ajv.validateSchema(schema) !== true) throw new JsonSchemaInvalidError(ajv.errorsText(ajv.errors, { dataVar: 'schema' }));
}

// Apps made from one template, or imported from one document, share schemas: one compiled function serves them all,
// and many tenants' plans hold one copy of it instead of one each. A compile costs far more than the JSON text.
const compiledByText = new LRUCache<string, ValidateFunction>({ max: 1000 });

function compile(schema: Record<string, unknown>): ValidateFunction {
  const text = JSON.stringify(schema);
  const known = compiledByText.get(text);
  if (known) return known;
  try {
    const validate = ajv.compile(schema);
    compiledByText.set(text, validate);
    return validate;
  } catch (error) {
    throw new JsonSchemaInvalidError(error instanceof Error ? error.message : String(error));
  } finally {
    // Ajv keeps every schema it compiled (and refuses a second one with the same $id): schemas come and go with
    // apps, so the compiled function is the only thing kept, by whoever holds it.
    ajv.removeSchema(schema);
  }
}

/** `body.items.0.amount must be integer`: Ajv's JSON pointer (RFC 6901) turned into the dotted field names used everywhere. */
function describeMismatch(error: ErrorObject | undefined, part: string): string {
  if (!error) return `${part} is invalid`;
  const field = [part, ...error.instancePath.split('/').slice(1).map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'))].join('.');
  return `${field} ${error.message ?? 'is invalid'}${detailOf(error)}`;
}

// Ajv's message for these leaves out the one thing the caller needs to fix the input.
function detailOf(error: ErrorObject): string {
  if (error.keyword === 'enum') return `: ${(error.params as { allowedValues: unknown[] }).allowedValues.map((value) => JSON.stringify(value)).join(', ')}`;
  if (error.keyword === 'additionalProperties') return ` (${(error.params as { additionalProperty: string }).additionalProperty})`;
  return '';
}
