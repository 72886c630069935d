import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { nestedJson, scanForLeaks, startPlatform, type Platform, type WorkspaceCredentials } from '@switchboard/testing';
import { switchboardFor } from './switchboard-for.js';

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  required?: string[];
}

interface Operation {
  parameters?: { name: string; in: 'path' | 'query' | 'header' }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

interface Case {
  label: string;
  method: string;
  path: string;
  body?: string;
}

// A URL cannot carry a lone surrogate, so those are sent as U+FFFD there (bodies carry them as they are).
// Replays the same cases on every run; a failure names its case, and the seed reproduces it.
const SEED = 20261203;
const REPLY_TIMEOUT_MS = 15_000;

const INJECTIONS = [
  "' OR '1'='1' --",
  '"; DROP TABLE gateway.users; --',
  '{{7*7}}${7*7}<%= 7*7 %>',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '$Token{NO_SUCH_KEY}$(secret:../x)$Secret{}',
  '\u0000\u0001\u001f',
  '\ud800',
  '🙂‮RTL‬̸̷',
  'a'.repeat(100_000),
  '__proto__',
  'constructor',
  '%00%2e%2e%2f',
];

const WRONG_TYPES: unknown[] = [null, 0, -1, 1e308, 3.5, true, [], {}, [null], { __proto__: null, a: 1 }];

// Bodies that are not what any route takes: broken JSON, other JSON values, a nesting no validator should recurse
// through, and an object far wider than any contract.
const BODIES: [label: string, text: string][] = [
  ['truncated JSON', '{"name":'],
  ['a trailing brace', '{}}'],
  ['a bare string', '"x"'],
  ['NaN', 'NaN'],
  ['a number past float', '1e999999'],
  ['an array', '[1,2,3]'],
  ['deep nesting', nestedJson(2000)],
  ['a wide object', JSON.stringify(Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i])))],
  ['duplicate keys', '{"name":"a","name":{"x":1}}'],
];

/**
 * Every operation of the gateway's own OpenAPI document, driven with bodies, parameters and queries that are wrong in
 * every way the document lets us derive: no reply may be a 5xx, every reply must come, no service may exit, and no
 * secret value may appear in any log line, table or reply afterwards.
 */
describe('Fuzzing every operation of the OpenAPI document', () => {
  let platform: Platform;
  let credentials: WorkspaceCredentials;
  const canary = `sb-canary-fuzz-${randomBytes(6).toString('hex')}`;
  const replies: Record<string, string> = {};

  beforeAll(async () => {
    platform = await startPlatform();
    credentials = await platform.createWorkspace('fuzz');
    const switchboard = switchboardFor(platform, credentials);
    await switchboard.product.init('shop');
    await switchboard.app.create({
      tag: 'stripe',
      envs: [{ slug: 'prd', base_url: 'https://api.stripe.com', request_type: 'JSON' }],
      actions: [{ tag: 'charge', method: 'POST', path: '/charges' }],
    });
    await switchboard.product.app.add({ access_tag: 'stripe', envs: [{ slug: 'prd', base_url: 'https://api.stripe.com', request_type: 'JSON', active: true }] });
    await switchboard.secrets.create({ key: 'STRIPE_KEY', value: canary });
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('answers every case with a 4xx or a success, in time, with every service still up and nothing leaked', async () => {
    const document = (await (await fetch(`${platform.url}/docs/json`)).json()) as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
    const cases = casesOf(document);
    expect(cases.length).toBeGreaterThan(4000);

    const failures: string[] = [];
    for (const fuzz of cases) {
      const outcome = await send(platform, credentials, fuzz);
      if (typeof outcome === 'string') failures.push(`${fuzz.label}: ${outcome}`);
      else {
        replies[`${fuzz.label} → ${outcome.status}`] = outcome.text;
        if (outcome.status >= 500) failures.push(`${fuzz.label}: ${outcome.status} ${outcome.text.slice(0, 300)}`);
      }
    }
    expect(failures).toEqual([]);

    for (const [name, service] of Object.entries(platform.services)) expect([name, service.exitStatus()]).toEqual([name, undefined]);
    expect((await fetch(`${platform.url}/ready`)).status).toBe(200);
    const logs = Object.fromEntries(Object.entries(platform.services).map(([name, service]) => [name, service.logs]));
    // The one call that returns the value, asked on purpose, is not a leak.
    const leaks = await scanForLeaks([canary], {
      logs,
      texts: Object.fromEntries(Object.entries(replies).filter(([label]) => !label.startsWith('GET /v1/secrets/{key}'))),
      databaseUrl: platform.databaseUrl,
    });
    expect(leaks).toEqual([]);
  }, 900_000);
});

function casesOf(document: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } }): Case[] {
  const resolve = (schema: Schema | undefined): Schema | undefined =>
    schema?.$ref ? document.components.schemas[schema.$ref.slice(schema.$ref.lastIndexOf('/') + 1)] : schema;
  const strings = fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), { seed: SEED, numRuns: 6 });
  const hostile = [...INJECTIONS, ...strings];
  const cases: Case[] = [];
  // Deletions last, so the resources the other cases name exist while they run.
  const operations = Object.entries(document.paths)
    .flatMap(([template, methods]) => Object.entries(methods).map(([method, operation]) => ({ template, method: method.toUpperCase(), operation })))
    .sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
  for (const { template, method, operation } of operations) {
    const route = `${method} ${template}`;
    const pathParams = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name);
    const queryParams = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name);
    const plainPath = fill(template, {});
    const schema = resolve(operation.requestBody?.content?.['application/json']?.schema);
    const base = schema ? sampleOf(schema, resolve) : undefined;
    const withBody = (body: unknown): string | undefined => (method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify(body));

    for (const name of pathParams) {
      for (const value of hostile) cases.push({ label: `${route} with ${name}=${JSON.stringify(value).slice(0, 40)}`, method, path: fill(template, { [name]: value }), body: withBody(base ?? {}) });
    }
    for (const name of queryParams) {
      for (const value of [...hostile, '-1', '99999999999999999999', '1.5']) {
        cases.push({ label: `${route} with ?${name}=${JSON.stringify(value).slice(0, 40)}`, method, path: `${plainPath}?${name}=${encodeURIComponent(wellFormed(value))}`, body: withBody(base ?? {}) });
      }
    }
    if (method === 'GET' || method === 'DELETE') continue;
    for (const [label, text] of BODIES) cases.push({ label: `${route} with ${label}`, method, path: plainPath, body: text });
    for (const property of Object.keys(schema?.properties ?? {})) {
      for (const value of [...WRONG_TYPES, ...hostile]) {
        cases.push({ label: `${route} with ${property}=${JSON.stringify(value)?.slice(0, 40)}`, method, path: plainPath, body: JSON.stringify({ ...(base as object), [property]: value }) });
      }
    }
  }
  return cases;
}

// A plausible value of the schema's shape, each property filled: the cases then change one thing at a time.
function sampleOf(schema: Schema, resolve: (schema: Schema | undefined) => Schema | undefined, depth = 0): unknown {
  const resolved = resolve(schema) ?? {};
  if (depth > 4) return null;
  switch (resolved.type) {
    case 'object':
    case undefined:
      return Object.fromEntries(Object.entries(resolved.properties ?? {}).map(([name, property]) => [name, sampleOf(property, resolve, depth + 1)]));
    case 'array':
      return resolved.items ? [sampleOf(resolved.items, resolve, depth + 1)] : [];
    case 'string':
      return 'fuzz';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    default:
      return null;
  }
}

const KNOWN: Record<string, string> = { product: 'shop', app: 'stripe', access_tag: 'stripe', key: 'STRIPE_KEY', action: 'charge' };

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => encodeURIComponent(wellFormed(values[name] ?? KNOWN[name] ?? 'fuzz')));
}

// In unicode mode a surrogate pair is one code point, so only lone surrogates match.
function wellFormed(value: string): string {
  return value.replace(/\p{Surrogate}/gu, '\uFFFD');
}

async function send(platform: Platform, credentials: WorkspaceCredentials, fuzz: Case): Promise<{ status: number; text: string } | string> {
  try {
    const response = await fetch(`${platform.url}${fuzz.path}`, {
      method: fuzz.method,
      headers: {
        'x-switchboard-workspace-id': credentials.workspace_id,
        'x-switchboard-user-id': credentials.user_id,
        authorization: `Bearer ${credentials.private_key}`,
        ...(fuzz.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: fuzz.body,
      signal: AbortSignal.timeout(REPLY_TIMEOUT_MS),
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    return `no reply: ${String(error)}`;
  }
}
