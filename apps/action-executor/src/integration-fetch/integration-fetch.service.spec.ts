import { ErrorCode, Subjects, type IntegrationFetchBody } from '@switchboard/contracts';
import { DomainError, type NatsRequester } from '@switchboard/platform';
import { rejectionOf } from '@switchboard/testing';
import type { OutboundClient } from '../outbound/outbound-client.js';
import type { OutboundRequest, OutboundResponse } from '../outbound/outbound-request.js';
import { IntegrationFetchService } from './integration-fetch.service.js';

interface Asked {
  subject: string;
  data: object;
}

/** An integration fetch whose secrets service answers `secrets` (or fails with `refusal`) and whose upstream answers `reply`. */
function serviceWith(options: { secrets?: Record<string, string>; refusal?: DomainError; reply?: (request: OutboundRequest) => OutboundResponse }) {
  const asked: Asked[] = [];
  const sent: OutboundRequest[] = [];
  const nats = {
    request: (subject: string, data: object) => {
      asked.push({ subject, data });
      return options.refusal ? Promise.reject(options.refusal) : Promise.resolve({ secrets: options.secrets ?? {} });
    },
  } as unknown as NatsRequester;
  const outbound = {
    send: (request: OutboundRequest) => {
      sent.push(request);
      // Inside then(), a reply that throws becomes a rejection, as a failed send is.
      return Promise.resolve().then(() => (options.reply ?? ok)(request));
    },
  } as unknown as OutboundClient;
  return { service: new IntegrationFetchService(nats, outbound), asked, sent };
}

function nestedArrays(levels: number, leaf: string): unknown[] {
  let value: unknown = leaf;
  for (let level = 0; level < levels; level += 1) value = [value];
  return value as unknown[];
}

const ok = (): OutboundResponse => ({ status: 200, headers: { 'content-type': 'text/plain' }, body: new TextEncoder().encode('hello'), attempts: 1, upstreamMs: 3, connectMs: 1 });

describe('IntegrationFetchService', () => {
  it('asks for the referenced keys once for the caller, substitutes them everywhere and returns the raw body in base64', async () => {
    const { service, asked, sent } = serviceWith({ secrets: { HOST: 'api.example', USERNAME: 'alice', PASSWORD: 'pw-1234' } });
    const fetch: IntegrationFetchBody = {
      url: 'https://$(secret:HOST)/login',
      headers: { 'X-User': '$Token{USERNAME}' },
      body: { username: '$(secret:USERNAME)', password: '$(secret:PASSWORD)' },
    };

    const reply = await service.fetch('ws_1', 'usr_1', fetch);

    expect(asked).toEqual([{ subject: Subjects.SecretsIntegrationFetchReferenceResolve, data: { workspace_id: 'ws_1', user_id: 'usr_1', keys: ['HOST', 'USERNAME', 'PASSWORD'] } }]);
    expect(sent[0]?.url.href).toBe('https://api.example/login');
    expect(sent[0]?.headers['X-User']).toBe('alice');
    expect(JSON.parse(sent[0]?.body as string)).toEqual({ username: 'alice', password: 'pw-1234' });
    expect(reply).toEqual({ status: 200, headers: { 'content-type': 'text/plain' }, body_base64: Buffer.from('hello').toString('base64') });
  });

  it('does not ask the secrets service when nothing is referenced', async () => {
    const { service, asked, sent } = serviceWith({});

    await service.fetch('ws_1', 'usr_1', { url: 'https://example.com' });

    expect(asked).toEqual([]);
    expect(sent[0]).toMatchObject({ method: 'GET', maxAttempts: 1 });
  });

  it('makes no outbound call when a secret is refused', async () => {
    const { service, sent } = serviceWith({ refusal: new DomainError(ErrorCode.SecretNotFound, "Secret 'NOPE' not found", { key: 'NOPE' }) });

    const error = await rejectionOf(service.fetch('ws_1', 'usr_1', { url: 'https://example.com', headers: { 'X-Key': '$(secret:NOPE)' } }), DomainError);

    expect([error.code, error.message]).toEqual([ErrorCode.SecretNotFound, "Secret 'NOPE' not found"]);
    expect(sent).toEqual([]);
  });

  it('refuses a body on GET before resolving any secret', async () => {
    const { service, asked } = serviceWith({ secrets: { KEY: 'value-1' } });

    const error = await rejectionOf(service.fetch('ws_1', 'usr_1', { url: 'https://example.com', method: 'GET', body: '$(secret:KEY)' }), DomainError);

    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(asked).toEqual([]);
  });

  it('replaces a secret value an outbound error names with its reference', async () => {
    const { service } = serviceWith({
      secrets: { API_HOST: 'internal.corp.example' },
      reply: (request) => {
        throw new DomainError(ErrorCode.OutboundAddressRefused, `Outbound requests to ${request.url.hostname} are not allowed`, { host: request.url.hostname });
      },
    });

    const error = await rejectionOf(service.fetch('ws_1', 'usr_1', { url: 'http://$(secret:API_HOST)/x' }), DomainError);

    expect([error.code, error.message, error.details]).toEqual([
      ErrorCode.OutboundAddressRefused,
      'Outbound requests to $Token{API_HOST} are not allowed',
      { host: '$Token{API_HOST}' },
    ]);
  });

  it('substitutes a reference at the bottom of a body nested 64 levels deep, counted from the body as the gateway counts', async () => {
    const { service, sent } = serviceWith({ secrets: { DEEP: 'found' } });
    const body = nestedArrays(64, '$Token{DEEP}');

    await service.fetch('ws_1', 'usr_1', { url: 'https://example.com', body });

    expect(sent[0]?.body).toBe(JSON.stringify(nestedArrays(64, 'found')));
  });

  it('refuses a body nested 65 levels deep with 400 before asking for secrets', async () => {
    const { service, asked, sent } = serviceWith({});

    const error = await rejectionOf(service.fetch('ws_1', 'usr_1', { url: 'https://example.com', body: nestedArrays(65, 'x') }), DomainError);

    expect([error.code, error.message]).toEqual([ErrorCode.ValidationFailed, 'body is nested deeper than 64 levels']);
    expect([asked, sent]).toEqual([[], []]);
  });
});
