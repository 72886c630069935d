import { AddConnectionBody, CreateAppBody, ErrorCode, UpdateSecretBody } from '@switchboard/contracts';
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

  it('refuses a payload that is not an object', async () => {
    const error = await failureOf(validatePayload(CreateAppBody, ['stripe']));
    expect(error.code).toBe(ErrorCode.ValidationFailed);
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
    ['description', 'description must be a string'],
    ['scope', 'scope must be an array'],
    ['envs', 'envs must be an array'],
    ['value', 'value must be a non-empty string of at most 64 KiB'],
  ])('refuses null for the optional %s, which only leaving it out omits', async (field, message) => {
    const error = await failureOf(validatePayload(UpdateSecretBody, { [field]: null }));
    expect([error.code, error.message]).toEqual([ErrorCode.ValidationFailed, message]);
  });

  it('takes expires_at: null, which removes an expiry', async () => {
    await expect(validatePayload(UpdateSecretBody, { expires_at: null })).resolves.toEqual({ expires_at: null });
  });
});
