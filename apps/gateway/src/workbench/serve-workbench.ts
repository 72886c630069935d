import { access } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

// Vite names every file under assets/ by its content's hash, so a year of caching is safe; index.html names the
// current ones, so the browser asks for it again every time.
const HASHED_ASSETS = 'assets/';
const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
const ENTRY_CACHE = 'no-cache';
// The API, its docs, the probes and the metrics keep their JSON 404 for unknown paths; every other GET is a workbench page.
const NOT_WORKBENCH = /^\/(v1|docs|health|ready|metrics)(\/|$)/;
// Mantine writes its theme variables into a <style> element and positions popovers with style attributes.
const CONTENT_SECURITY_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Switchboard workbench not built</title></head>
<body><main><h1>The workbench is not built</h1>
<p>This gateway serves the web workbench from <code>dist/apps/workbench/</code>, which is empty. Run <code>npm run build</code>
(<code>npm start</code> does it for you), then reload. The API is at <a href="/v1">/v1</a> and its documentation at <a href="/docs">/docs</a>.</p>
</main></body></html>
`;

/**
 * Serves the built workbench (`dir`, built by Vite) at `/`: its files, and index.html for every other GET outside the
 * API, its docs and the probes, so the browser router handles deep links (`/products/shop`) and reloads. Until the
 * workbench is built, `/` and its pages answer a page saying how to build it.
 */
export async function serveWorkbench(fastify: FastifyInstance, dir: string): Promise<void> {
  await fastify.register(async (scope) => {
    await scope.register(fastifyStatic, {
      root: dir,
      serve: false,
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.startsWith(join(dir, HASHED_ASSETS)) ? HASHED_ASSET_CACHE : ENTRY_CACHE);
        reply.header('x-content-type-options', 'nosniff');
      },
    });
    scope.get('/*', (request, reply) => page(request, reply, dir));
  });
}

async function page(request: FastifyRequest, reply: FastifyReply, dir: string): Promise<void> {
  const path = request.url.split('?')[0] ?? '/';
  if (NOT_WORKBENCH.test(path)) return reply.callNotFound();
  if (!(await isBuilt(dir))) return reply.code(404).type('text/html; charset=utf-8').header('cache-control', ENTRY_CACHE).send(NOT_BUILT_PAGE);
  // A missing file (an asset of an older build) gets the JSON 404 through callNotFound, never index.html as script.
  if (path.startsWith(`/${HASHED_ASSETS}`)) return reply.sendFile(path.slice(1));
  return reply.header('content-security-policy', CONTENT_SECURITY_POLICY).header('x-frame-options', 'DENY').sendFile('index.html');
}

// Asked on each page load rather than once, so a gateway started before the first build serves it once it exists.
async function isBuilt(dir: string): Promise<boolean> {
  try {
    await access(join(dir, 'index.html'));
    return true;
  } catch {
    // Absent (or unreadable) means not built; there is nothing else to tell the visitor.
    return false;
  }
}
