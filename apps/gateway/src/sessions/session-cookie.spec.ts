import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';

const EXPIRES_AT = new Date('2030-01-02T03:04:05Z');

// Real fastify with the cookie plugin, answering injected requests: no socket, so https comes from a trusted proxy's header.
async function serverTrustingProxies(): Promise<FastifyInstance> {
  const server = Fastify({ trustProxy: true });
  await server.register(fastifyCookie);
  server.post('/sign-in', (_request, reply) => {
    setSessionCookie(reply, 'sbs_token', EXPIRES_AT);
    return {};
  });
  server.delete('/sign-out', (_request, reply) => {
    clearSessionCookie(reply);
    return {};
  });
  return server;
}

describe('the session cookie', () => {
  let server: FastifyInstance;

  beforeAll(async () => {
    server = await serverTrustingProxies();
  });

  afterAll(async () => {
    await server.close();
  });

  it('is HttpOnly, SameSite=Strict, for the whole site, and expires with the session', async () => {
    const reply = await server.inject({ method: 'POST', url: '/sign-in' });
    expect(reply.headers['set-cookie']).toBe('switchboard_session=sbs_token; Path=/; Expires=Wed, 02 Jan 2030 03:04:05 GMT; HttpOnly; SameSite=Strict');
  });

  it('is Secure when the request came over https', async () => {
    const reply = await server.inject({ method: 'POST', url: '/sign-in', headers: { 'x-forwarded-proto': 'https' } });
    expect(reply.headers['set-cookie']).toBe('switchboard_session=sbs_token; Path=/; Expires=Wed, 02 Jan 2030 03:04:05 GMT; HttpOnly; Secure; SameSite=Strict');
  });

  it('is cleared with the same attributes, so the browser replaces the one it holds', async () => {
    const reply = await server.inject({ method: 'DELETE', url: '/sign-out', headers: { 'x-forwarded-proto': 'https' } });
    expect(reply.headers['set-cookie']).toBe('switchboard_session=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Strict');
  });
});
