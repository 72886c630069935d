/** A JSON Schema as an action declares it (draft 2020-12, OpenAPI 3.1's dialect); only what a skeleton needs is read. */
export type JsonSchema = Record<string, unknown>;

// A schema may refer to itself (`#/$defs/node` inside node): past this depth the skeleton stops with null.
const MAX_DEPTH = 12;

/**
 * A starting value for an input part that its schema describes: an object holds its required properties only, each
 * with the schema's own example (`const`, `default`, `examples[0]`, `example`, the first `enum` value) or else a
 * placeholder of its type (`""`, the minimum or 0, false, [], null). Local `$ref`s (`#/…`) are followed, `allOf` parts
 * merged (one level) and the first of `oneOf`/`anyOf` taken. The user fills the placeholders in.
 */
export function skeletonOf(schema: JsonSchema): unknown {
  return skeleton(schema, schema, 0);
}

function skeleton(node: JsonSchema, root: JsonSchema, depth: number): unknown {
  if (depth > MAX_DEPTH) return null;
  const schema = mergedAllOf(resolved(node, root), root);
  // A ref to a ref: follow on, within the depth.
  if (typeof schema.$ref === 'string') return skeleton(schema, root, depth + 1);
  const example = exampleOf(schema);
  if (example !== undefined) return example;
  const choice = schemasOf(schema.oneOf)[0] ?? schemasOf(schema.anyOf)[0];
  if (choice !== undefined) return skeleton(choice, root, depth + 1);
  switch (typeOf(schema)) {
    case 'object':
      return Object.fromEntries(
        requiredOf(schema).map((name) => {
          const property = propertiesOf(schema)[name];
          return [name, property === undefined ? null : skeleton(property, root, depth + 1)];
        }),
      );
    case 'array':
      return [];
    case 'string':
      return '';
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

function exampleOf(schema: JsonSchema): unknown {
  if ('const' in schema) return schema.const;
  if ('default' in schema) return schema.default;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0] as unknown;
  if ('example' in schema) return schema.example;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0] as unknown;
  return undefined;
}

/** The schema's type, the first non-null one of a list; an untyped schema with properties is an object. */
function typeOf(schema: JsonSchema): unknown {
  if (Array.isArray(schema.type)) return (schema.type as unknown[]).find((type) => type !== 'null') ?? 'null';
  if (schema.type === undefined && (isObject(schema.properties) || Array.isArray(schema.required))) return 'object';
  return schema.type;
}

function requiredOf(schema: JsonSchema): string[] {
  return Array.isArray(schema.required) ? schema.required.filter((name): name is string => typeof name === 'string') : [];
}

function propertiesOf(schema: JsonSchema): Record<string, JsonSchema> {
  if (!isObject(schema.properties)) return {};
  return Object.fromEntries(Object.entries(schema.properties).filter((entry): entry is [string, JsonSchema] => isObject(entry[1])));
}

/** The schema a JSON Pointer inside the action's schema names (`#/$defs/card`), or `{}` when it names none. */
function resolveRef(ref: string, root: JsonSchema): JsonSchema {
  if (!ref.startsWith('#')) return {};
  let target: unknown = root;
  for (const token of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(token).replaceAll('~1', '/').replaceAll('~0', '~');
    target = isObject(target) ? target[key] : undefined;
  }
  return isObject(target) ? target : {};
}

/** The schema with its `$ref` followed, its own keywords beside the ref winning. */
function resolved(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (typeof schema.$ref !== 'string') return schema;
  return { ...resolveRef(schema.$ref, root), ...without(schema, '$ref') };
}

/** One schema for an `allOf` and its own keywords: the properties of all of them, and every one's required names. */
function mergedAllOf(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const parts = schemasOf(schema.allOf).map((part) => resolved(part, root));
  if (parts.length === 0) return schema;
  const all = [...parts, without(schema, 'allOf')];
  const properties = Object.assign({}, ...all.map(propertiesOf)) as Record<string, JsonSchema>;
  const required = [...new Set(all.flatMap(requiredOf))];
  return {
    ...(Object.assign({}, ...all) as JsonSchema),
    ...(Object.keys(properties).length === 0 ? {} : { properties }),
    ...(required.length === 0 ? {} : { required }),
  };
}

function without(schema: JsonSchema, keyword: string): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => key !== keyword));
}

function schemasOf(value: unknown): JsonSchema[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
