import Fastify from 'fastify';
import { publicBaseUrlOf } from './public-base-url.js';

describe('publicBaseUrlOf', () => {
  const originSeen = async (trustProxy: boolean, headers: Record<string, string>): Promise<string> => {
    const server = Fastify({ trustProxy });
    server.get('/', (request) => ({ base: publicBaseUrlOf('', request) }));
    const reply = await server.inject({ url: '/', headers: { host: 'gateway.internal:3000', ...headers } });
    await server.close();
    return reply.json<{ base: string }>().base;
  };

  it('is GATEWAY_PUBLIC_URL when set, without its trailing slashes', () => {
    expect(publicBaseUrlOf('https://hooks.example.com/switchboard/', { protocol: 'http', host: 'gateway.internal:3000' })).toBe('https://hooks.example.com/switchboard');
  });

  it("is the request's own origin otherwise", async () => {
    expect(await originSeen(false, {})).toBe('http://gateway.internal:3000');
  });

  it('believes X-Forwarded-Proto and X-Forwarded-Host only from a trusted proxy', async () => {
    const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'api.example.com' };
    expect(await originSeen(false, forwarded)).toBe('http://gateway.internal:3000');
    expect(await originSeen(true, forwarded)).toBe('https://api.example.com');
  });
});
