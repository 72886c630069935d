import { IsObject, registerDecorator, type ValidationOptions } from 'class-validator';
import { IsOmittable } from '../common/validators.js';

/** A JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) as a plain object. */
export type JsonSchema = Record<string, unknown>;

/**
 * Deepest nesting of objects and arrays one action schema may hold, the schema object itself being level 1. A schema
 * sits four levels down in `POST /v1/apps` (`actions`, `actions.N`, `schema`, `schema.body`; a response one more), and
 * the whole body may nest NESTING_MAX_DEPTH (64) levels: 48 leaves room under that limit and still fits 20-odd levels
 * of nested properties (each is two levels: `properties`, then the property).
 */
export const ACTION_SCHEMA_MAX_DEPTH = 48;

/** Keys of `schema.responses`: an HTTP status, a status class (`4XX`), or `default`, as OpenAPI names them. */
export const RESPONSE_STATUS_KEY_PATTERN = /^(?:[1-5](?:[0-9]{2}|XX)|default)$/;

/** Most response schemas one action may declare. */
export const ACTION_RESPONSES_MAX_KEYS = 100;

/**
 * What an action expects and answers, each a JSON Schema: `params`, `query` and `headers` are object schemas whose
 * properties are the parameter names; `responses` is keyed by status. The run path checks a run's input against the
 * first four; `responses` documents the answers.
 */
export class ActionSchemaInput {
  @IsOmittable()
  @IsJsonSchema()
  params?: JsonSchema;

  @IsOmittable()
  @IsJsonSchema()
  query?: JsonSchema;

  @IsOmittable()
  @IsJsonSchema()
  headers?: JsonSchema;

  @IsOmittable()
  @IsJsonSchema()
  body?: JsonSchema;

  @IsOmittable()
  @IsJsonSchemaByStatus()
  @IsObject()
  responses?: Record<string, JsonSchema>;
}

/** The schemas of an action as stored and read back; the parts it does not declare are absent. */
export interface ActionSchemaView {
  params?: JsonSchema;
  query?: JsonSchema;
  headers?: JsonSchema;
  body?: JsonSchema;
  responses?: Record<string, JsonSchema>;
}

/** The input parts of a run a schema can check, in the order they are checked. */
export const ACTION_INPUT_PARTS = ['params', 'query', 'headers', 'body'] as const;
export type ActionInputPart = (typeof ACTION_INPUT_PARTS)[number];

/**
 * A JSON object no deeper than ACTION_SCHEMA_MAX_DEPTH. Only its shape is checked here: whether it is a schema that
 * compiles is the catalog's check, since it needs the JSON Schema validator, which the contracts do not carry.
 */
export function IsJsonSchema(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isJsonSchema',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property must be a JSON Schema object nested at most ${ACTION_SCHEMA_MAX_DEPTH} levels deep`, ...options },
      validator: { validate: isShallowJsonObject },
    });
  };
}

/** An object of JSON Schemas keyed by response status (see RESPONSE_STATUS_KEY_PATTERN). */
function IsJsonSchemaByStatus(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isJsonSchemaByStatus',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `$property must map at most ${ACTION_RESPONSES_MAX_KEYS} statuses (200, 4XX, default) to JSON Schema objects nested at most ${ACTION_SCHEMA_MAX_DEPTH} levels deep`,
        ...options,
      },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return entries.length <= ACTION_RESPONSES_MAX_KEYS && entries.every(([status, schema]) => RESPONSE_STATUS_KEY_PATTERN.test(status) && isShallowJsonObject(schema));
        },
      },
    });
  };
}

// Walks with its own stack, never recursing: the gateway bounds the depth already, this keeps the schema's own bound.
function isShallowJsonObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const stack: { value: object; level: number }[] = [{ value, level: 1 }];
  for (let container = stack.pop(); container !== undefined; container = stack.pop()) {
    for (const item of Object.values(container.value)) {
      if (typeof item !== 'object' || item === null) continue;
      if (container.level + 1 > ACTION_SCHEMA_MAX_DEPTH) return false;
      stack.push({ value: item as object, level: container.level + 1 });
    }
  }
  return true;
}
