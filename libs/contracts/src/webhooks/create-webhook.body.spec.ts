import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { CreateWebhookBody } from './create-webhook.body.js';
import { UpdateWebhookBody } from './update-webhook.body.js';

// Every refusal as `path: message`, nested ones by their full path.
function problemsOf(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => [
    ...Object.values(error.constraints ?? {}).map((message) => `${prefix}${error.property}: ${message}`),
    ...problemsOf(error.children ?? [], `${prefix}${error.property}.`),
  ]);
}

const problems = async (type: new () => object, value: object): Promise<string[]> =>
  problemsOf(await validate(plainToInstance(type, value), { stopAtFirstError: true }));

const seedSample = { name: 'GitHub Webhook', tag: 'github_webhook', signing_secret: '$Token{GITHUB_WEBHOOK_SECRET}' };

describe('webhook contracts', () => {
  it('accepts the seed 002 sample as written, without a scheme', async () => {
    expect(await problems(CreateWebhookBody, seedSample)).toEqual([]);
  });

  it('names each bad field of a create body', async () => {
    expect(
      await problems(CreateWebhookBody, {
        ...seedSample,
        scheme: 'paypal',
        envs: ['prd', 'prd'],
        forward_url: 'ftp://example.com/hook',
        tolerance_seconds: 0,
      }),
    ).toEqual([
      'scheme: scheme must be one of stripe, github, twilio, shopify, standard, hmac',
      'envs: envs must not name an env twice',
      'forward_url: forward_url must be an absolute http(s) URL',
      'tolerance_seconds: tolerance_seconds must not be less than 1',
    ]);
  });

  it('allows only {body}, {timestamp} and {url} in a signed-content template, and header names in header fields', async () => {
    const hmac = { algorithm: 'sha256', encoding: 'hex', header: 'X Signature', signed_content: '{timestamp}.{secret}' };
    expect(await problems(CreateWebhookBody, { ...seedSample, scheme: 'hmac', hmac })).toEqual([
      `hmac.header: header must be an HTTP header name (letters, digits and !#$%&'*+.^_\`|~-, at most 256)`,
      'hmac.signed_content: signed_content may only use the placeholders {body}, {timestamp} and {url}',
    ]);
  });

  it('lets an update clear app and forward_url with null but not name', async () => {
    expect(await problems(UpdateWebhookBody, { app: null, forward_url: null })).toEqual([]);
    expect(await problems(UpdateWebhookBody, { name: null })).toEqual(['name: name must not be null']);
  });
});
