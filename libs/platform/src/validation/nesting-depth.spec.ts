import { CreateAppBody, IntegrationFetchRequest, NESTING_MAX_DEPTH, RunActionBody, RunActionRequest } from '@switchboard/contracts';
import { DomainError } from '../errors/domain-error.js';
import { assertNestingWithinLimit, MESSAGE_ENVELOPE_LEVELS } from './nesting-depth.js';
import { validatePayload } from './validate-payload.js';

async function failureOf(promise: Promise<unknown>): Promise<DomainError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (outcome instanceof DomainError) return outcome;
  throw new Error(`expected a DomainError, got ${String(outcome)}`);
}

// Built in a loop: a recursive builder would overflow the stack at the depths under test.
function nested(levels: number, kind: 'object' | 'array', leaf: unknown = 1): unknown {
  let value = leaf;
  for (let level = 0; level < levels; level += 1) value = kind === 'object' ? { a: value } : [value];
  return value;
}

const HOSTILE_DEPTHS = [NESTING_MAX_DEPTH + 1, 1_000, 2_000, 5_000, 10_000];
const RUN = { env: 'prd', product: 'shop', app: 'stripe', event: 'charge' };

describe('assertNestingWithinLimit', () => {
  it.each(['object', 'array'] as const)(`accepts a field of %ss nested ${NESTING_MAX_DEPTH} levels deep`, (kind) => {
    expect(() => assertNestingWithinLimit({ body: nested(NESTING_MAX_DEPTH, kind) })).not.toThrow();
  });

  it.each(HOSTILE_DEPTHS.flatMap((depth) => [['object', depth] as const, ['array', depth] as const]))(
    'refuses a field of %ss nested %i deep, naming the field',
    (kind, depth) => {
      expect(() => assertNestingWithinLimit({ name: 'x', body: nested(depth, kind) })).toThrow('body is nested deeper than 64 levels');
    },
  );

  it('does not count the envelope of a message, and names the caller field inside it', () => {
    expect(() => assertNestingWithinLimit({ run: { input: nested(NESTING_MAX_DEPTH, 'object') } }, MESSAGE_ENVELOPE_LEVELS)).not.toThrow();
    expect(() => assertNestingWithinLimit({ run: { input: nested(NESTING_MAX_DEPTH + 1, 'object') } }, MESSAGE_ENVELOPE_LEVELS)).toThrow(
      'run.input is nested deeper than 64 levels',
    );
  });
});

describe('validatePayload on deeply nested payloads', () => {
  it.each(HOSTILE_DEPTHS)('refuses a body nested %i deep with validation_failed before walking it', async (depth) => {
    const error = await failureOf(validatePayload(CreateAppBody, { a: nested(depth, 'object') }));
    expect([error.code, error.message, error.details.fields]).toEqual([
      'validation_failed',
      'a is nested deeper than 64 levels',
      [{ field: 'a', messages: ['a is nested deeper than 64 levels'] }],
    ]);
  });

  it.each(HOSTILE_DEPTHS)('refuses an actions.run message whose input.body is nested %i deep', async (depth) => {
    const message = { workspace_id: 'ws_1', run: { ...RUN, input: { body: nested(depth, 'object') } } };
    const error = await failureOf(validatePayload(RunActionRequest, message, MESSAGE_ENVELOPE_LEVELS));
    expect([error.code, error.message]).toEqual(['validation_failed', 'run.input is nested deeper than 64 levels']);
  });

  it.each(HOSTILE_DEPTHS)('refuses an integrations.fetch message whose body is nested %i deep', async (depth) => {
    const message = { workspace_id: 'ws_1', user_id: 'usr_1', request: { url: 'https://example.com', body: nested(depth, 'array') } };
    const error = await failureOf(validatePayload(IntegrationFetchRequest, message, MESSAGE_ENVELOPE_LEVELS));
    expect([error.code, error.message]).toEqual(['validation_failed', 'request.body is nested deeper than 64 levels']);
  });

  it(`accepts a run input nested ${NESTING_MAX_DEPTH} levels deep at the gateway and in the message that carries it`, async () => {
    const body = { ...RUN, input: { body: nested(NESTING_MAX_DEPTH - 1, 'object') } };
    await expect(validatePayload(RunActionBody, body)).resolves.toBeInstanceOf(RunActionBody);
    await expect(validatePayload(RunActionRequest, { workspace_id: 'ws_1', run: body }, MESSAGE_ENVELOPE_LEVELS)).resolves.toBeInstanceOf(RunActionRequest);
  });
});
