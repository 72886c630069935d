import { Ajv2020 } from 'ajv/dist/2020.js';
import { contractSchemaOf } from './contract-schema.js';
import { validationRulesVersion } from './validation-metadata-memo.js';

/** A contract class's compiled check: true when class-validator would accept the payload too. */
export type CompiledContractCheck = (payload: unknown) => boolean;

/**
 * The Ajv of contract schemas. `unicodeRegExp: false`: patterns run without flags, as class-validator runs the
 * contracts' regular expressions. `strictNumbers: false`: `type: 'number'` is JavaScript's typeof, as in
 * class-validator's Min and Max (IsInt's finiteness is in its schema). `allErrors: false`: only the verdict is used;
 * the message of a refusal comes from class-validator.
 */
const ajv = new Ajv2020({ strict: true, strictNumbers: false, strictTypes: false, strictTuples: false, allErrors: false, unicodeRegExp: false, logger: false });

interface Compiled {
  version: number;
  check: CompiledContractCheck | undefined;
}

const compiled = new WeakMap<object, Compiled>();

/**
 * The compiled check of `type`, built on first use and kept until a rule is registered (see validationRulesVersion),
 * or undefined when a rule on the class or a class nested in it has no exact JSON Schema (see contractSchemaOf).
 */
export function compiledContractCheckOf(type: new () => object): CompiledContractCheck | undefined {
  const version = validationRulesVersion();
  const known = compiled.get(type);
  if (known?.version === version) return known.check;
  const contract = contractSchemaOf(type);
  const check = 'schema' in contract ? compileContractSchema(contract.schema) : undefined;
  compiled.set(type, { version, check });
  return check;
}

function compileContractSchema(schema: Record<string, unknown>): CompiledContractCheck {
  const validate = ajv.compile(schema);
  // The compiled function is all that is kept; Ajv would otherwise hold every schema for the life of the process.
  ajv.removeSchema(schema);
  return (payload) => validate(payload);
}
