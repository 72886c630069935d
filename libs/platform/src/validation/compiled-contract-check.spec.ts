import * as contracts from '@switchboard/contracts';
import { DispatchedRunMessage, IsHttpUrl, IsOmittable, IsTag, RunActionBody, RunActionRequest } from '@switchboard/contracts';
import { Type } from 'class-transformer';
import { getMetadataStorage, IsString, length, ValidateIf, ValidateNested } from 'class-validator';
import { DomainError } from '../errors/domain-error.js';
import { defaultMetadataStorage } from './class-transformer-storage.js';
import { compiledContractCheckOf } from './compiled-contract-check.js';
import { codePointLengthPattern } from './length-patterns.js';
import { validatePayload, validateReflectively } from './validate-payload.js';
import { memoiseValidationMetadata } from './validation-metadata-memo.js';

type ContractClass = new () => object;

memoiseValidationMetadata();

const CONTRACT_CLASSES = Object.values(contracts).filter(
  (value): value is ContractClass => typeof value === 'function' && getMetadataStorage().getTargetValidationMetadatas(value, '', false, false).length > 0,
);

/** class-validator's verdict, and the fields it names when it refuses. */
async function reflectiveFailures(type: ContractClass, payload: object): Promise<string[] | undefined> {
  try {
    await validateReflectively(type, payload);
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return (error.details.fields as { field: string }[]).map((entry) => entry.field);
  }
}

function propertiesOf(type: ContractClass): string[] {
  return [...new Set(getMetadataStorage().getTargetValidationMetadatas(type, '', false, false).map((rule) => rule.propertyName))];
}

function allowedValuesOf(type: ContractClass, property: string): unknown[] {
  return getMetadataStorage()
    .getTargetValidationMetadatas(type, '', false, false)
    .filter((rule) => rule.propertyName === property && Array.isArray(rule.constraints?.[0]))
    .flatMap((rule) => (rule.constraints[0] as unknown[]).slice(0, 1));
}

function nestedTypeOf(type: ContractClass, property: string): ContractClass | undefined {
  return defaultMetadataStorage.findTypeMetadata(type, property)?.typeFunction() as ContractClass | undefined;
}

// Values that satisfy the contracts' common rules, tried in turn to build a body class-validator accepts.
const FILLERS: unknown[] = [
  'prd',
  'stripe',
  'ws_1',
  'API_KEY',
  'JSON',
  'https://api.example.com/v1',
  'run_3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e6f',
  'wev_3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e6f',
  'a',
  1,
  true,
  { 'x-a': 'b' },
  ['prd'],
  {},
  [],
];

/** A body of `type` class-validator accepts, or as close as FILLERS get: each field takes the first value it accepts. */
async function sampleOf(type: ContractClass, depth = 0): Promise<Record<string, unknown>> {
  const sample: Record<string, unknown> = {};
  for (const property of propertiesOf(type)) {
    const nested = depth < 3 ? nestedTypeOf(type, property) : undefined;
    const nestedSample = nested ? await sampleOf(nested, depth + 1) : undefined;
    const candidates = [...allowedValuesOf(type, property), ...(nestedSample ? [nestedSample, [nestedSample]] : []), ...FILLERS];
    for (const candidate of candidates) {
      const fields = await reflectiveFailures(type, { ...sample, [property]: candidate });
      if (!fields?.some((field) => field === property || field.startsWith(`${property}.`))) {
        sample[property] = candidate;
        break;
      }
    }
  }
  return sample;
}

// Wrong types, nulls, lengths and patterns around the contracts' limits, characters validator.js counts its own way,
// arrays where objects go and objects where strings go, records with bad keys and values.
const MUTATIONS: unknown[] = [
  null,
  '',
  'a',
  'A B',
  'prd\n',
  'x'.repeat(32),
  'x'.repeat(33),
  'x'.repeat(64),
  'x'.repeat(65),
  'x'.repeat(128),
  'x'.repeat(129),
  'x'.repeat(2049),
  '\uFE0F',
  'a\uFE0F',
  `${'x'.repeat(127)}\uFE0F`,
  `${'x'.repeat(128)}\uFE0F`,
  '😀'.repeat(65),
  '\uD83D',
  'https://api.example.com',
  'ftp://x',
  '2026-01-31T12:00:00Z',
  -1,
  0,
  1,
  1.5,
  2 ** 53,
  Infinity,
  true,
  'true',
  '1',
  [],
  [null],
  [1],
  ['a'],
  ['prd', 'prd'],
  [{}],
  [[]],
  [[{}]],
  {},
  { a: 1 },
  { a: {} },
  { a: [1] },
  { a: [{}] },
  { 'bad key': 'x' },
  { 'x-a': 'line\nbreak' },
  { 'x-a': 'x'.repeat(8193) },
  { 'x-a': '😀'.repeat(4097) },
  Object.fromEntries(Array.from({ length: 101 }, (_, index) => [`h${index}`, 'v'])),
];

/** The corpus of one class: its sample, the sample with each field left out or replaced, and with a field too many. */
async function corpusOf(type: ContractClass, depth = 0): Promise<Record<string, unknown>[]> {
  const sample = await sampleOf(type);
  const corpus: Record<string, unknown>[] = [sample, {}, { ...sample, unknown_field: 'x' }];
  for (const property of propertiesOf(type)) {
    const { [property]: _left, ...without } = sample;
    corpus.push(without);
    for (const value of MUTATIONS) corpus.push({ ...sample, [property]: value });
    const nested = depth < 2 ? nestedTypeOf(type, property) : undefined;
    if (nested) {
      for (const inner of await corpusOf(nested, depth + 1)) corpus.push({ ...sample, [property]: inner }, { ...sample, [property]: [inner] });
    }
  }
  return corpus;
}

describe('compiled contract checks', () => {
  it.each([RunActionBody, RunActionRequest, DispatchedRunMessage])('put %p, on the run path, on the compiled path', (type) => {
    expect(compiledContractCheckOf(type)).toBeInstanceOf(Function);
  });

  it.each(CONTRACT_CLASSES.filter((type) => compiledContractCheckOf(type) !== undefined).map((type) => [type.name, type] as const))(
    'give class-validator’s verdict on every body of the %s corpus',
    async (_name, type) => {
      const check = compiledContractCheckOf(type)!;
      const disagreements: string[] = [];
      let accepted = 0;
      const corpus = await corpusOf(type);
      for (const body of corpus) {
        const reflective = (await reflectiveFailures(type, body)) === undefined;
        if (reflective) accepted += 1;
        if (check(body) !== reflective) disagreements.push(`${reflective ? 'class-validator accepts' : 'class-validator refuses'} ${JSON.stringify(body)}`);
      }
      expect(disagreements).toEqual([]);
      expect([accepted > 0, accepted < corpus.length]).toEqual([true, true]);
    },
  );

  it('refuses, as a whitelist does not, a field class-transformer drops, and leaves the verdict to class-validator', async () => {
    const body = { env: 'prd', product: 'shop', app: 'stripe', event: 'charge', constructor: 'x' };
    expect(compiledContractCheckOf(RunActionBody)!(body)).toBe(false);
    await expect(validatePayload(RunActionBody, body)).resolves.toBeInstanceOf(RunActionBody);
  });

  it('keeps a class with a rule JSON Schema cannot say on class-validator, and every class nesting it', async () => {
    class Target {
      @IsHttpUrl()
      url!: string;
    }
    class Hook {
      @ValidateNested()
      @Type(() => Target)
      target!: Target;
    }
    expect([compiledContractCheckOf(Target), compiledContractCheckOf(Hook)]).toEqual([undefined, undefined]);
    await expect(validatePayload(Hook, { target: { url: 'ftp://x' } })).rejects.toThrow('target.url must be an absolute http(s) URL');
    await expect(validatePayload(Hook, { target: { url: 'https://x.example' } })).resolves.toBeInstanceOf(Hook);
  });

  it('keeps a field with a ValidateIf condition on class-validator', () => {
    class Conditional {
      @ValidateIf((object: { kind?: string }) => object.kind === 'tag')
      @IsTag()
      name!: string;

      @IsOmittable()
      @IsString()
      kind?: string;
    }
    expect(compiledContractCheckOf(Conditional)).toBeUndefined();
  });

  it('compiles again when a rule is added to a class it compiled', () => {
    class Growing {
      @IsString()
      name!: string;
    }
    expect(compiledContractCheckOf(Growing)!({ name: 'x'.repeat(300) })).toBe(true);
    IsTag()(Growing.prototype, 'name');
    expect(compiledContractCheckOf(Growing)!({ name: 'x'.repeat(300) })).toBe(false);
  });
});

describe('codePointLengthPattern', () => {
  // Surrogates alone and in pairs, variation selectors after characters, after each other and first.
  const UNITS = ['a', '\uFE0E', '\uFE0F', '\uD83D', '\uDE00', '\n'];

  function* strings(size: number): Generator<string> {
    if (size === 0) {
      yield '';
      return;
    }
    for (const prefix of strings(size - 1)) for (const unit of UNITS) yield prefix + unit;
  }

  it.each([
    [0, 2],
    [1, 3],
    [2, undefined],
    [3, 3],
  ])('matches exactly the strings validator.js counts as %i to %p characters long', (min, max) => {
    const pattern = new RegExp(codePointLengthPattern(min, max));
    const disagreements: string[] = [];
    for (let size = 0; size <= 5; size += 1) {
      for (const value of strings(size)) if (pattern.test(value) !== length(value, min, max)) disagreements.push(JSON.stringify(value));
    }
    expect(disagreements).toEqual([]);
  });
});
