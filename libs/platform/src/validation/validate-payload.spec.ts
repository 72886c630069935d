import { AddConnectionBody, CreateAppBody, ErrorCode, RunActionBody, UpdateConnectionBody, UpdateSecretBody } from '@switchboard/contracts';
import { DomainError } from '../errors/domain-error.js';
import { validatePayload } from './validate-payload.js';

async function failureOf(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('validatePayload', () => {
  it('accepts the seed-000 connection body as written', async () => {
    const body = await validatePayload(AddConnectionBody, {
      access_tag: 'stripe-payments',
      app: 'stripe',
      envs: [{ slug: 'prd', base_url: 'https://api.stripe.com', request_type: 'JSON', active: true }],
    });
    expect(body).toBeInstanceOf(AddConnectionBody);
    expect(body.envs[0]?.base_url).toBe('https://api.stripe.com');
  });

  it('names each invalid nested field by its full path', async () => {
    const error = await failureOf(
      validatePayload(AddConnectionBody, {
        access_tag: 'stripe-payments',
        envs: [{ slug: 'prd', base_url: 'ftp://api.stripe.com', request_type: 'SOAP', active: 'yes' }],
      }),
    );
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    const fields = (error.details.fields as { field: string }[]).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['envs.0.base_url', 'envs.0.request_type', 'envs.0.active']));
    expect(error.message).toContain('envs.0.request_type must be one of JSON, XML, FORM, MULTIPART, TEXT');
    expect(error.message).toContain('envs.0.base_url must be an absolute http(s) URL');
  });

  it('refuses fields the contract does not know', async () => {
    const error = await failureOf(validatePayload(CreateAppBody, { tag: 'stripe', colour: 'blue' }));
    expect(error.message).toBe('property colour should not exist');
  });

  it('refuses missing required fields', async () => {
    const error = await failureOf(validatePayload(AddConnectionBody, { app: 'stripe' }));
    const fields = (error.details.fields as { field: string }[]).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['access_tag', 'envs']));
  });

  it.each([[['stripe']], ['stripe'], [1], [true], [null]])('refuses the payload %j, which is not an object, naming the body', async (payload) => {
    const error = await failureOf(validatePayload(CreateAppBody, payload));
    const message = 'The request body must be a JSON object';
    expect([error.code, error.message, error.details]).toEqual([ErrorCode.ValidationFailed, message, { fields: [{ field: 'body', messages: [message] }] }]);
  });

  it('names the key a message is about as the field', async () => {
    const error = await failureOf(validatePayload(RunActionBody, { env: 'prd', product: 'shop', app: 'stripe', event: 'charge', input: { params: { id: {} } } }));
    expect(error.details.fields).toEqual([{ field: 'input.params.id', messages: ['input.params.id must be a string, number or boolean'] }]);
  });

  it.each([
    [[], 'input must be an object'],
    [null, 'input must not be null'],
    [{ body: null }, 'input.body must not be null'],
  ])('refuses the run input %j', async (input, message) => {
    const error = await failureOf(validatePayload(RunActionBody, { env: 'prd', product: 'shop', app: 'stripe', event: 'charge', input }));
    expect(error.message).toBe(message);
  });

  it('says an empty list must contain at least 1 element', async () => {
    const error = await failureOf(validatePayload(AddConnectionBody, { access_tag: 'stripe-payments', app: 'stripe', envs: [] }));
    expect(error.message).toBe('envs must contain at least 1 element');
  });

  it.each(['https://api.stripe.com', 'http://127.0.0.1:8080/v1'])('accepts the base URL %s', async (base_url) => {
    await expect(validatePayload(CreateAppBody, { tag: 'a', envs: [{ slug: 'prd', base_url, request_type: 'JSON' }] })).resolves.toBeDefined();
  });

  it.each(['api.stripe.com', '/v1', 'ftp://files.example.com', 'https://user:pass@api.example.com', 'javascript:alert(1)'])(
    'refuses the base URL %s',
    async (base_url) => {
      const error = await failureOf(validatePayload(CreateAppBody, { tag: 'a', envs: [{ slug: 'prd', base_url, request_type: 'JSON' }] }));
      expect(error.message).toBe('envs.0.base_url must be an absolute http(s) URL');
    },
  );
  it.each([
    ['description', 'description must not be null'],
    ['scope', 'scope must not be null'],
    ['envs', 'envs must not be null'],
    ['value', 'value must not be null'],
  ])('refuses null for the optional %s, which only leaving it out omits', async (field, message) => {
    const error = await failureOf(validatePayload(UpdateSecretBody, { [field]: null }));
    expect([error.code, error.message]).toEqual([ErrorCode.ValidationFailed, message]);
  });

  it('takes expires_at: null, which removes an expiry', async () => {
    await expect(validatePayload(UpdateSecretBody, { expires_at: null })).resolves.toEqual({ expires_at: null });
  });

  it("takes a connection env's base_url: null, which removes its override, and still checks a URL given", async () => {
    const body = await validatePayload(UpdateConnectionBody, { envs: [{ slug: 'prd', base_url: null }] });
    expect(body.envs[0]?.base_url).toBeNull();
    const error = await failureOf(validatePayload(UpdateConnectionBody, { envs: [{ slug: 'prd', base_url: 'localhost:8080' }] }));
    expect(error.message).toBe('envs.0.base_url must be an absolute http(s) URL');
  });
});
