import { isGiven } from '@switchboard/contracts';
import { TransformationType } from 'class-transformer';
import { getMetadataStorage } from 'class-validator';
import { defaultMetadataStorage } from './class-transformer-storage.js';
import { codePointLengthPattern, utf16LengthPattern } from './length-patterns.js';

type JsonSchema = Record<string, unknown>;
type ContractClass = new () => object;

/** The part of class-validator's ValidationMetadata a translation reads. */
interface RuleMetadata {
  type: string;
  name?: string;
  target: object | string;
  propertyName: string;
  constraints?: unknown[];
  constraintCls?: object;
  each?: boolean;
  groups?: string[];
  always?: boolean;
  validateIf?: unknown;
}

/** A rule's JSON Schema for a given value, and whether class-validator passes the field when it is left out. */
interface RuleSchema {
  schema: JsonSchema;
  passesWhenMissing: boolean;
}

/** What the JSON Schema of a contract class came to: the schema, or why the class stays on class-validator. */
export type ContractSchema = { schema: JsonSchema } | { untranslatable: string };

class Untranslatable extends Error {}

// The largest finite number: class-validator's IsInt refuses Infinity, which JSON.parse reads from `1e999`.
const FINITE = { minimum: -Number.MAX_VALUE, maximum: Number.MAX_VALUE };

/**
 * Translates one class-validator rule into the JSON Schema that accepts exactly the values the rule accepts, or throws
 * Untranslatable. Only rules whose whole meaning is in their metadata are here: a rule with a closure or a check
 * JSON Schema cannot say (a URL parser, a date calendar, UTF-8 byte counts) keeps its class on class-validator.
 */
const RULES: Record<string, (constraints: unknown[]) => JsonSchema> = {
  isDefined: () => ({ not: { type: 'null' } }),
  isString: () => ({ type: 'string' }),
  isInt: () => ({ type: 'integer', ...FINITE }),
  isBoolean: () => ({ type: 'boolean' }),
  isObject: () => ({ type: 'object' }),
  isArray: () => ({ type: 'array' }),
  isNotEmpty: () => ({ not: { enum: ['', null] } }),
  min: ([bound]) => ({ type: 'number', minimum: numberOf(bound) }),
  max: ([bound]) => ({ type: 'number', maximum: numberOf(bound) }),
  // validator.js isLength: `min || 0`, and no upper bound when max is undefined.
  isLength: ([min, max]) => ({ type: 'string', pattern: codePointLengthPattern(min === undefined ? 0 : countOf(min), max === undefined ? undefined : countOf(max)) }),
  maxLength: ([max]) => ({ type: 'string', pattern: codePointLengthPattern(0, countOf(max)) }),
  matches: ([pattern, modifiers]) => ({ type: 'string', pattern: flaglessSource(pattern, modifiers) }),
  isIn: ([values]) => ({ enum: primitivesOf(values) }),
  arrayMinSize: ([min]) => ({ type: 'array', minItems: countOf(min) }),
  arrayMaxSize: ([max]) => ({ type: 'array', maxItems: countOf(max) }),
  // libs/contracts/src/common/validators.ts: the limits are in the constraints.
  isHeaderRecord: ([maxHeaders, name, maxLength, forbidden]) => ({
    type: 'object',
    maxProperties: countOf(maxHeaders),
    propertyNames: { pattern: flaglessSource(name) },
    additionalProperties: { type: 'string', pattern: utf16LengthPattern(countOf(maxLength), flaglessSource(forbidden)) },
  }),
  isFlatRecord: ([maxKeys, key, maxString]) => ({
    type: 'object',
    maxProperties: countOf(maxKeys),
    propertyNames: { pattern: flaglessSource(key) },
    additionalProperties: { anyOf: [{ type: 'string', pattern: utf16LengthPattern(countOf(maxString)) }, { type: 'boolean' }, { type: 'number', ...FINITE }] },
  }),
  isUrlValueRecord: ([lists]) => {
    if (typeof lists !== 'boolean') throw new Untranslatable('isUrlValueRecord without its lists constraint');
    const value = { type: ['string', 'number', 'boolean'] };
    return { type: 'object', additionalProperties: lists ? { anyOf: [value, { type: 'array', items: value }] } : value };
  },
};

/**
 * The JSON Schema that accepts exactly the payloads class-validator accepts for `type` (with whitelist,
 * forbidNonWhitelisted and forbidUnknownValues, after plainToInstance), or why it cannot be written. Every rule on the
 * class and on the classes nested in it must be one RULES translates; anything else keeps the class on class-validator.
 */
export function contractSchemaOf(type: ContractClass): ContractSchema {
  const definitions: Record<string, JsonSchema> = {};
  const ids = new Map<ContractClass, string>();
  try {
    const root = referenceTo(type, definitions, ids);
    return { schema: { $defs: definitions, ...root } };
  } catch (error) {
    if (error instanceof Untranslatable) return { untranslatable: error.message };
    throw error;
  }
}

function referenceTo(type: ContractClass, definitions: Record<string, JsonSchema>, ids: Map<ContractClass, string>): JsonSchema {
  let id = ids.get(type);
  if (id === undefined) {
    id = `c${ids.size}`;
    ids.set(type, id);
    definitions[id] = classSchema(type, definitions, ids);
  }
  return { $ref: `#/$defs/${id}` };
}

function classSchema(type: ContractClass, definitions: Record<string, JsonSchema>, ids: Map<ContractClass, string>): JsonSchema {
  // The same lookup class-validator's validate() makes (no groups, always: false).
  const rules = getMetadataStorage().getTargetValidationMetadatas(type, '', false, false) as unknown as RuleMetadata[];
  if (rules.length === 0) throw new Untranslatable(`${type.name} has no rules (forbidUnknownValues refuses any object)`);
  assertPlainToInstanceKeepsValues(type);
  const byProperty = new Map<string, RuleMetadata[]>();
  for (const rule of rules) byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [property, propertyRules] of byProperty) {
    const field = `${type.name}.${property}`;
    if (property in type.prototype) throw new Untranslatable(`${field} is also a member of the class or of Object`);
    const { schema, passesWhenMissing } = propertySchema(type, property, propertyRules, field, definitions, ids);
    properties[property] = schema;
    if (!passesWhenMissing) required.push(property);
  }
  return { type: 'object', properties, required, additionalProperties: false };
}

function propertySchema(
  type: ContractClass,
  property: string,
  rules: RuleMetadata[],
  field: string,
  definitions: Record<string, JsonSchema>,
  ids: Map<ContractClass, string>,
): RuleSchema {
  let skipped: 'missing' | 'missing or null' | undefined;
  const checks: RuleSchema[] = [];
  for (const rule of rules) {
    if (rule.groups?.length || rule.always || rule.validateIf !== undefined) throw new Untranslatable(`${field} has a rule with groups, always or validateIf`);
    if (rule.type === 'conditionalValidation') {
      // class-validator skips every rule of the field when a condition fails: IsOmittable when it is left out,
      // IsOptional also when it is null; any other condition reads the object, which JSON Schema cannot.
      if (rule.constraints?.[0] === isGiven) skipped ??= 'missing';
      else if (rule.name === 'isOptional') skipped = 'missing or null';
      else throw new Untranslatable(`${field} has a ValidateIf condition`);
    } else if (rule.type === 'nestedValidation') {
      checks.push({ schema: nestedSchema(type, property, field, definitions, ids), passesWhenMissing: true });
    } else {
      checks.push(ruleSchema(rule, field));
    }
  }
  if (defaultMetadataStorage.findTypeMetadata(type, property) && !rules.some((rule) => rule.type === 'nestedValidation')) {
    throw new Untranslatable(`${field} has @Type without ValidateNested, which converts its value`);
  }
  const all = checks.length === 1 ? checks[0].schema : checks.length === 0 ? {} : { allOf: checks.map((check) => check.schema) };
  if (skipped === 'missing or null') return { schema: { anyOf: [{ type: 'null' }, all] }, passesWhenMissing: true };
  return { schema: all, passesWhenMissing: skipped === 'missing' || checks.every((check) => check.passesWhenMissing) };
}

function ruleSchema(rule: RuleMetadata, field: string): RuleSchema {
  const constraint = rule.constraintCls ? getMetadataStorage().getTargetValidatorConstraints(rule.constraintCls as never)[0] : undefined;
  const name = rule.type === 'customValidation' ? constraint?.name : rule.type;
  const translate = name === undefined ? undefined : RULES[name];
  if (!translate || constraint?.async) throw new Untranslatable(`${field} has the rule ${name ?? rule.type}, which has no exact JSON Schema`);
  let schema: JsonSchema;
  try {
    schema = translate(rule.constraints ?? []);
  } catch (error) {
    if (error instanceof Untranslatable) throw new Untranslatable(`${field}: ${error.message}`);
    throw error;
  }
  // `each` checks every item of an array, and a value that is not an array as it is.
  if (rule.each) schema = { if: { type: 'array' }, then: { items: schema }, else: schema };
  // None of RULES passes undefined: each checks a type or refuses null and undefined.
  return { schema, passesWhenMissing: false };
}

// ValidateNested (with or without `each`) passes a missing value, checks an object against its @Type class, and
// checks every item of an array the same way, arrays of arrays included; anything else is refused.
function nestedSchema(type: ContractClass, property: string, field: string, definitions: Record<string, JsonSchema>, ids: Map<ContractClass, string>): JsonSchema {
  const typeMetadata = defaultMetadataStorage.findTypeMetadata(type, property);
  if (!typeMetadata) throw new Untranslatable(`${field} is nested without @Type, so its objects stay plain and are refused`);
  if (typeMetadata.options?.discriminator || typeMetadata.options?.keepDiscriminatorProperty) throw new Untranslatable(`${field} has a discriminated @Type`);
  const nestedType = typeMetadata.typeFunction() as unknown;
  if (typeof nestedType !== 'function' || [String, Number, Boolean, Date, Object, Array, Map, Set].includes(nestedType as never)) {
    throw new Untranslatable(`${field} has @Type of a built-in`);
  }
  const reference = referenceTo(nestedType as ContractClass, definitions, ids);
  const id = `${(reference.$ref as string).slice('#/$defs/'.length)}-nested`;
  definitions[id] ??= { anyOf: [reference, { type: 'array', items: { $ref: `#/$defs/${id}` } }] };
  return { $ref: `#/$defs/${id}` };
}

// The compiled check reads the payload as sent; class-validator reads what plainToInstance made of it. They are the
// same values only while class-transformer has nothing to change: no @Transform, @Expose or @Exclude, no field defaults.
function assertPlainToInstanceKeepsValues(type: ContractClass): void {
  const properties = new Set(getMetadataStorage().getTargetValidationMetadatas(type, '', false, false).map((rule) => rule.propertyName));
  for (const property of properties) {
    if (defaultMetadataStorage.findTransformMetadatas(type, property, TransformationType.PLAIN_TO_CLASS).length > 0) {
      throw new Untranslatable(`${type.name}.${property} has @Transform`);
    }
  }
  if (defaultMetadataStorage.getExposedMetadatas(type).length > 0 || defaultMetadataStorage.getExcludedMetadatas(type).length > 0 || defaultMetadataStorage.getStrategy(type) !== 'none') {
    throw new Untranslatable(`${type.name} has @Expose or @Exclude`);
  }
  let instance: object;
  try {
    instance = new type();
  } catch {
    throw new Untranslatable(`${type.name} cannot be constructed without arguments`);
  }
  if (Object.values(instance).some((value) => value !== undefined)) throw new Untranslatable(`${type.name} gives a field a default value`);
}

function numberOf(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Untranslatable(`the bound ${String(value)} is not a finite number`);
  return value;
}

function countOf(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new Untranslatable(`the count ${String(value)} is not a whole number`);
  return value;
}

// Ajv compiles `pattern` without flags (unicodeRegExp: false), as validator.js's matches runs a RegExp without them.
function flaglessSource(pattern: unknown, modifiers?: unknown): string {
  if (!(pattern instanceof RegExp) || pattern.flags !== '' || (modifiers !== undefined && modifiers !== '')) {
    throw new Untranslatable(`the pattern ${String(pattern)} is not a RegExp without flags`);
  }
  return pattern.source;
}

function primitivesOf(values: unknown): unknown[] {
  if (!Array.isArray(values) || !values.every((value) => ['string', 'boolean'].includes(typeof value) || (typeof value === 'number' && Number.isFinite(value)))) {
    throw new Untranslatable('IsIn of values that are not strings, finite numbers or booleans');
  }
  return [...new Set(values)];
}
