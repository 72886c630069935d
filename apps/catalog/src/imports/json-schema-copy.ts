import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ImportWarnings } from './import-warnings.js';

// Only checks schemas against the draft 2020-12 meta-schema; formats OpenAPI adds (int32…) are annotations.
const metaSchemaCheck = new Ajv2020({ strict: false, logger: false, validateFormats: false });

/** Deepest JSON nesting of one imported schema: the gateway refuses bodies nested past 64, and a schema sits ~6 down. */
export const SCHEMA_MAX_DEPTH = 50;
/** Most schema objects one action's schemas may hold: shared components expand per use, which must stay bounded. */
export const SCHEMA_MAX_NODES = 5000;
/**
 * Most `$ref`s followed one inside another: components that reference each other (a charge's customer's invoices'
 * charges…) would otherwise expand every reachable component into every operation.
 */
export const REFS_MAX_NESTING = 8;

// Keywords whose value is a map of names to subschemas, a list of subschemas, or one subschema (JSON Schema 2020-12).
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_SINGLES = new Set([
  'items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames',
  'unevaluatedItems', 'unevaluatedProperties', 'contentSchema',
]);
// OpenAPI's own vocabulary and identifiers that would mean something else, or nothing, once the schema stands alone.
const DROPPED = new Set(['discriminator', 'xml', 'externalDocs', 'example', '$id', '$schema', '$anchor', '$dynamicAnchor', '$dynamicRef', '$ref', '$comment', 'nullable']);

/** Where a schema is being copied from, for the warnings: the operation's pointer and the field inside the action. */
export interface SchemaSite {
  pointer: string;
  field: string;
}

/**
 * Copies dereferenced schemas into plain JSON Schema trees for one action. The dereferenced document is a graph
 * (shared components, cycles for recursive types); the copy is a tree, so a cycle is cut where it closes, anything
 * deeper than {@link SCHEMA_MAX_DEPTH} or {@link REFS_MAX_NESTING} is cut, and past {@link SCHEMA_MAX_NODES} schemas the rest are cut: a cut
 * subschema is `{}` (it accepts any value) and each kind of cut is warned about once per action.
 */
export class JsonSchemaCopier {
  private nodes = 0;
  private cutTooDeep = false;
  private cutNestedRefs = false;
  private readonly path: object[] = [];
  private readonly refs: string[] = [];
  private readonly circular = new Set<string>();

  constructor(
    private readonly warnings: ImportWarnings,
    private readonly refOf: WeakMap<object, string>,
    private readonly pointer: string,
  ) {}

  copy(schema: unknown, field: string, depth = 0): unknown {
    if (typeof schema === 'boolean') return schema;
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return {};
    const ref = this.refOf.get(schema);
    if (this.path.includes(schema) || (ref !== undefined && this.refs.includes(ref))) {
      this.warnCircular(ref ?? 'a schema', field);
      return {};
    }
    if (depth >= SCHEMA_MAX_DEPTH) {
      if (!this.cutTooDeep) this.warnings.add('schema_too_deep', `The schema nests deeper than ${SCHEMA_MAX_DEPTH} levels and was cut there, first at ${field} (there it accepts any value)`, this.pointer);
      this.cutTooDeep = true;
      return {};
    }
    if (ref !== undefined && this.refs.length >= REFS_MAX_NESTING) {
      if (!this.cutNestedRefs) this.warnings.add('schema_refs_too_deep', `References nest more than ${REFS_MAX_NESTING} deep; the deeper ones were cut, first at ${field} (there they accept any value)`, this.pointer);
      this.cutNestedRefs = true;
      return {};
    }
    this.nodes += 1;
    if (this.nodes > SCHEMA_MAX_NODES) {
      this.warnings.add('schema_truncated', `The action's schemas hold more than ${SCHEMA_MAX_NODES} subschemas; the rest were cut (they accept any value)`, this.pointer);
      return {};
    }
    this.path.push(schema);
    if (ref !== undefined) this.refs.push(ref);
    try {
      return this.copyKeywords(schema as Record<string, unknown>, field, depth);
    } finally {
      this.path.pop();
      if (ref !== undefined) this.refs.pop();
    }
  }

  /**
   * `schema` if it is a valid draft 2020-12 schema, else `{}` with a warning: a document may hold schemas of older
   * drafts (a boolean `exclusiveMaximum`) that the run path could not compile.
   */
  checked(schema: Record<string, unknown>, field: string): Record<string, unknown> {
    if (metaSchemaCheck.validateSchema(schema) === true) return schema;
    this.warnings.add('schema_invalid', `${field} is not a valid JSON Schema 2020-12 (${metaSchemaCheck.errorsText(metaSchemaCheck.errors, { dataVar: field })}); it was left out (it accepts any value)`, this.pointer);
    return {};
  }

  // JSON Schema patterns are Unicode regular expressions (Ajv compiles them with the u flag); one written for
  // JavaScript's looser legacy syntax would stop the whole schema from compiling, so it is dropped instead.
  private isUnicodePattern(pattern: unknown, field: string): boolean {
    if (typeof pattern !== 'string') return true;
    try {
      new RegExp(pattern, 'u');
      return true;
    } catch (error) {
      this.warnings.add('pattern_unsupported', `${field} is not a valid Unicode regular expression (${(error as Error).message}); it was left out`, this.pointer);
      return false;
    }
  }

  // Once per reference and action: a recursive type repeats at every level of its own properties.
  private warnCircular(ref: string, field: string): void {
    if (this.circular.has(ref)) return;
    this.circular.add(ref);
    this.warnings.add('circular_ref', `The circular reference ${ref} was cut where it repeats, first at ${field} (there it accepts any value)`, this.pointer);
  }

  private copyKeywords(schema: Record<string, unknown>, field: string, depth: number): Record<string, unknown> {
    const copy: Record<string, unknown> = {};
    for (const [keyword, value] of Object.entries(schema)) {
      if (DROPPED.has(keyword) || keyword.startsWith('x-')) continue;
      const at = `${field}.${keyword}`;
      if (keyword === 'pattern' && !this.isUnicodePattern(value, at)) continue;
      if (SCHEMA_MAPS.has(keyword) && isRecord(value)) {
        copy[keyword] = Object.fromEntries(Object.entries(value).map(([name, item]) => [name, this.copy(item, `${at}.${name}`, depth + 2)]));
      } else if (SCHEMA_LISTS.has(keyword) && Array.isArray(value)) {
        copy[keyword] = value.map((item, index) => this.copy(item, `${at}.${index}`, depth + 2));
      } else if (SCHEMA_SINGLES.has(keyword)) {
        copy[keyword] = this.copy(value, at, depth + 1);
      } else {
        copy[keyword] = copyData(value, depth + 1);
      }
    }
    if ('example' in schema && !('examples' in schema)) copy.examples = [copyData(schema.example, depth + 2)];
    return copy;
  }
}

// Values of annotations and assertions (enum, const, default, examples): plain data, bounded like the schemas.
function copyData(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= SCHEMA_MAX_DEPTH) return null;
  if (Array.isArray(value)) return value.map((item) => copyData(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copyData(item, depth + 1)]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
