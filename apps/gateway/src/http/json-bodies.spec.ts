import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { WEBHOOK_RECEIPT_ROUTE, rawBodyOf } from '../webhooks/webhook-bodies.js';
import { acceptJsonBodiesOnly } from './json-bodies.js';

// A bare fastify with only the gateway's body parser: each route answers the body it was handed.
function server(): FastifyInstance {
  const fastify = Fastify();
  acceptJsonBodiesOnly(fastify);
  const echo = (request: { body: unknown }, reply: FastifyReply) => reply.send({ received: request.body === undefined ? 'no body' : request.body });
  fastify.delete('/things/a', echo);
  fastify.post('/things', echo);
  fastify.post(WEBHOOK_RECEIPT_ROUTE, (request, reply) => reply.send({ bytes: rawBodyOf(request).toString('base64'), buffer: Buffer.isBuffer(request.body) }));
  fastify.setErrorHandler((error, _request, reply) => {
    void reply.status(error instanceof DomainError ? 400 : 500).send(error instanceof DomainError ? error.toBody() : { message: String(error) });
  });
  return fastify;
}

describe('acceptJsonBodiesOnly', () => {
  let fastify: FastifyInstance;

  beforeAll(async () => {
    fastify = server();
    await fastify.ready();
  });

  afterAll(() => fastify.close());

  it('reads a DELETE labelled application/json without a body as a request without a body', async () => {
    const reply = await fastify.inject({ method: 'DELETE', url: '/things/a', headers: { 'content-type': 'application/json' } });

    expect([reply.statusCode, reply.json()]).toEqual([200, { received: 'no body' }]);
  });

  it('reads an empty JSON-labelled body announced with content-length 0 as no body too', async () => {
    const reply = await fastify.inject({ method: 'DELETE', url: '/things/a', headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': '0' }, payload: '' });

    expect([reply.statusCode, reply.json()]).toEqual([200, { received: 'no body' }]);
  });

  it('still parses a JSON body', async () => {
    const reply = await fastify.inject({ method: 'POST', url: '/things', headers: { 'content-type': 'application/json' }, payload: '{"tag":"a"}' });

    expect([reply.statusCode, reply.json()]).toEqual([200, { received: { tag: 'a' } }]);
  });

  it('still refuses a body that is not JSON, without quoting it', async () => {
    const reply = await fastify.inject({ method: 'POST', url: '/things', headers: { 'content-type': 'application/json' }, payload: '{"secret": sk_live' });

    expect(reply.statusCode).toBe(400);
    expect(reply.json()).toMatchObject({ code: ErrorCode.ValidationFailed, message: 'The request body could not be read: it must be valid JSON' });
    expect(reply.body).not.toContain('sk_live');
  });

  describe('on the webhook receipt route', () => {
    it.each([
      ['application/json', '{ "id": "evt_1",  "amount": 1 }'],
      ['application/x-www-form-urlencoded', 'MessageSid=SM1&MessageStatus=delivered'],
      ['text/plain; charset=latin1', 'caf\u00e9'],
    ])('hands over a %s body as the bytes that came, unparsed', async (contentType, payload) => {
      const reply = await fastify.inject({ method: 'POST', url: '/hooks/whk_1', headers: { 'content-type': contentType }, payload });

      expect(reply.json()).toEqual({ bytes: Buffer.from(payload).toString('base64'), buffer: true });
    });

    it('hands over no body as an empty one', async () => {
      const reply = await fastify.inject({ method: 'POST', url: '/hooks/whk_1' });

      expect(reply.json()).toEqual({ bytes: '', buffer: false });
    });
  });

  it('still refuses a form-encoded body on every other route', async () => {
    const reply = await fastify.inject({ method: 'POST', url: '/things', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=1' });

    expect([reply.statusCode, reply.json<{ code: string }>().code]).toEqual([400, ErrorCode.UnsupportedMediaType]);
  });
});
