import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { serveWorkbench } from './serve-workbench.js';

const INDEX_HTML = '<!doctype html><title>workbench</title><script type="module" src="/assets/index-abc123.js"></script>';

/** A gateway-like server whose own routes and 404 stand for the API's. */
async function serverFor(dir: string): Promise<FastifyInstance> {
  const server = Fastify();
  server.get('/v1/products', () => []);
  server.setNotFoundHandler((_request, reply) => reply.code(404).send({ code: 'route_not_found' }));
  await serveWorkbench(server, dir);
  return server;
}

describe('serveWorkbench', () => {
  let root: string;
  let built: FastifyInstance;
  let notBuilt: FastifyInstance;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'workbench-serve-'));
    await mkdir(join(root, 'built', 'assets'), { recursive: true });
    await mkdir(join(root, 'empty'));
    await writeFile(join(root, 'built', 'index.html'), INDEX_HTML);
    await writeFile(join(root, 'built', 'assets', 'index-abc123.js'), 'console.log("workbench")');
    built = await serverFor(join(root, 'built'));
    notBuilt = await serverFor(join(root, 'empty'));
  });

  afterAll(async () => {
    await Promise.all([built.close(), notBuilt.close()]);
    await rm(root, { recursive: true, force: true });
  });

  it('serves index.html at / without caching, under a content security policy', async () => {
    const reply = await built.inject({ method: 'GET', url: '/' });
    expect([reply.statusCode, reply.body]).toEqual([200, INDEX_HTML]);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.headers['cache-control']).toBe('no-cache');
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('serves index.html for a deep link, so the browser router shows the page after a reload', async () => {
    const reply = await built.inject({ method: 'GET', url: '/products/shop/connections/stripe?tab=auth' });
    expect([reply.statusCode, reply.body]).toEqual([200, INDEX_HTML]);
  });

  it('serves hashed assets with a year-long immutable cache', async () => {
    const reply = await built.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect([reply.statusCode, reply.body]).toEqual([200, 'console.log("workbench")']);
    expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers a missing asset with the 404, never with index.html', async () => {
    const reply = await built.inject({ method: 'GET', url: '/assets/index-gone.js' });
    expect([reply.statusCode, reply.json()]).toEqual([404, { code: 'route_not_found' }]);
  });

  it.each(['/v1/nothing-here', '/v1', '/docs/nothing-here', '/health/deep', '/ready/x'])('leaves %s to the API 404', async (url) => {
    const reply = await built.inject({ method: 'GET', url });
    expect([reply.statusCode, reply.json()]).toEqual([404, { code: 'route_not_found' }]);
  });

  it('leaves the API its own routes', async () => {
    const reply = await built.inject({ method: 'GET', url: '/v1/products' });
    expect([reply.statusCode, reply.json()]).toEqual([200, []]);
  });

  it('says the workbench is not built, with a 404 rather than a 5xx, until index.html exists', async () => {
    const reply = await notBuilt.inject({ method: 'GET', url: '/' });
    expect(reply.statusCode).toBe(404);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.body).toContain('The workbench is not built');
    expect(reply.body).toContain('npm run build');
  });
});
