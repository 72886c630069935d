import { createServer as createTlsServer } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { rejectionOf } from '@switchboard/testing';
import { OutboundClient, type HostLookup, type OutboundClientOptions, type OutboundRequest } from '../../src/outbound/outbound-request.js';
import { closedPort, startLocalUpstream, type LocalUpstream, type UpstreamHandler } from './local-upstream.js';

const SECRET = 'sk_live_do_not_leak_4242';

const baseOptions: OutboundClientOptions = {
  allow: ['127.0.0.1'],
  maxResponseBytes: 1024,
  defaultTimeouts: { connectMs: 2000, headersMs: 10_000, bodyMs: 10_000 },
  maxAttempts: 3,
  maxConnectionsPerOrigin: 4,
  // Short waits keep the suite quick; the waits themselves are covered in retry-policy.spec.ts.
  backoff: { baseMs: 1, capMs: 5, retryAfterCapMs: 30_000 },
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}): UpstreamHandler => (_request, response) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
};

/** Answers from `replies` in turn, the last one for every later request. */
const inTurn = (...replies: UpstreamHandler[]): UpstreamHandler => (request, response, index) =>
  (replies[Math.min(index, replies.length - 1)] ?? json(500, {}))(request, response, index);

const decode = (body: Uint8Array): unknown => JSON.parse(Buffer.from(body).toString('utf8'));

describe('OutboundClient', () => {
  let upstream: LocalUpstream | undefined;
  let client: OutboundClient | undefined;

  async function start(handler: UpstreamHandler, options: Partial<OutboundClientOptions> = {}): Promise<{ upstream: LocalUpstream; client: OutboundClient }> {
    upstream = await startLocalUpstream(handler);
    client = new OutboundClient({ ...baseOptions, ...options });
    return { upstream, client };
  }

  const get = (url: string, extra: Partial<OutboundRequest> = {}): OutboundRequest => ({ method: 'GET', url: new URL(url), headers: {}, ...extra });

  afterEach(async () => {
    await client?.close();
    await upstream?.close();
    client = undefined;
    upstream = undefined;
  });

  it('sends a JSON request and returns the JSON answer with its status and headers', async () => {
    const { upstream, client } = await start((request, response) => {
      response.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'r-1' });
      response.end(JSON.stringify({ received: JSON.parse(request.body.toString('utf8')) as unknown, path: request.path }));
    });

    const response = await client.send({
      method: 'POST',
      url: new URL(`${upstream.url}/v1/charges?expand=customer`),
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${SECRET}` },
      body: JSON.stringify({ amount: 1200, currency: 'eur' }),
    });

    expect(response.status).toBe(201);
    expect(response.headers['x-request-id']).toBe('r-1');
    expect(decode(response.body)).toEqual({ received: { amount: 1200, currency: 'eur' }, path: '/v1/charges?expand=customer' });
    expect(response.attempts).toBe(1);
    expect(response.upstreamMs).toBeGreaterThanOrEqual(0);
    expect(upstream.seen[0]?.headers.authorization).toBe(`Bearer ${SECRET}`);
  });

  it('sends a FormData body as multipart with its boundary', async () => {
    const { upstream, client } = await start(json(200, {}));
    const form = new FormData();
    form.append('purpose', 'invoice');

    await client.send({ method: 'POST', url: new URL(`${upstream.url}/files`), headers: { 'content-type': 'text/plain' }, body: form });

    const contentType = String(upstream.seen[0]?.headers['content-type']);
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(upstream.seen[0]?.body.toString('utf8')).toContain('name="purpose"\r\n\r\ninvoice');
  });

  it('keeps connections alive between requests to one origin', async () => {
    const { upstream, client } = await start(json(200, { ok: true }));

    for (const path of ['/a', '/b', '/c', '/d', '/e', '/f']) await client.send(get(`${upstream.url}${path}`));

    // undici frees a connection a moment after the body ends, so back-to-back requests alternate between two.
    expect(new Set(upstream.seen.map((request) => request.connection)).size).toBeLessThanOrEqual(2);
  });

  it.each([404, 500])('returns a %i answer with its body instead of failing', async (status) => {
    const { upstream, client } = await start(json(status, { error: 'nope' }), { maxAttempts: 1 });

    const response = await client.send(get(`${upstream.url}/missing`));

    expect(response.status).toBe(status);
    expect(decode(response.body)).toEqual({ error: 'nope' });
  });

  it('retries a GET answered 429 with Retry-After: 0 and returns the answer that follows', async () => {
    const { upstream, client } = await start(inTurn(json(429, {}, { 'retry-after': '0' }), json(200, { ok: true })));

    const response = await client.send(get(`${upstream.url}/limited`));

    expect(response.status).toBe(200);
    expect(response.attempts).toBe(2);
    expect(upstream.seen).toHaveLength(2);
  });

  it('retries a GET after waiting out Retry-After: 1', async () => {
    const { upstream, client } = await start(inTurn(json(429, {}, { 'retry-after': '1' }), json(200, { ok: true })));

    const response = await client.send(get(`${upstream.url}/limited`));

    expect(response).toMatchObject({ status: 200, attempts: 2 });
  });

  it('does not retry a POST without an idempotency key', async () => {
    const { upstream, client } = await start(inTurn(json(429, {}, { 'retry-after': '0' }), json(200, { ok: true })));

    const response = await client.send({ method: 'POST', url: new URL(`${upstream.url}/charges`), headers: {}, body: '{}' });

    expect(response).toMatchObject({ status: 429, attempts: 1 });
    expect(upstream.seen).toHaveLength(1);
  });

  it('retries a POST with an idempotency key, sending the key with every attempt', async () => {
    const { upstream, client } = await start(inTurn(json(429, {}, { 'retry-after': '0' }), json(200, { ok: true })));

    const response = await client.send({
      method: 'POST',
      url: new URL(`${upstream.url}/charges`),
      headers: { 'Idempotency-Key': 'from-the-caller' },
      body: '{}',
      idempotencyKey: 'run-7f3a',
    });

    expect(response).toMatchObject({ status: 200, attempts: 2 });
    expect(upstream.seen.map((request) => request.headers['idempotency-key'])).toEqual(['run-7f3a', 'run-7f3a']);
    expect(upstream.seen.map((request) => request.body.toString('utf8'))).toEqual(['{}', '{}']);
  });

  it('returns the last 503 when every attempt is answered 503', async () => {
    const { upstream, client } = await start(json(503, { error: 'maintenance' }));

    const response = await client.send(get(`${upstream.url}/down`));

    expect(response.status).toBe(503);
    expect(response.attempts).toBe(3);
    expect(decode(response.body)).toEqual({ error: 'maintenance' });
    expect(upstream.seen).toHaveLength(3);
  });

  it('asks before each repeat, sends it no sooner than the turn it was given, and returns the answer that stands when no turn is left', async () => {
    const { upstream, client } = await start(json(503, { error: 'maintenance' }));
    const turns: (number | false)[] = [300, false];
    const beforeRetry = jest.fn(() => Promise.resolve(turns.shift() ?? false));

    const response = await client.send(get(`${upstream.url}/down`), { beforeRetry });

    expect(beforeRetry).toHaveBeenCalledTimes(2);
    expect(response).toMatchObject({ status: 503, attempts: 2 });
    expect(decode(response.body)).toEqual({ error: 'maintenance' });
    expect(upstream.seen).toHaveLength(2);
    expect(response.upstreamMs).toBeGreaterThanOrEqual(295);
  });

  it('fails with the connection error that stands when a repeat gets no turn', async () => {
    client = new OutboundClient(baseOptions);
    const port = await closedPort();

    const error = await rejectionOf(client.send(get(`http://127.0.0.1:${port}/`), { beforeRetry: () => Promise.resolve(false) }), DomainError);

    expect(error.code).toBe(ErrorCode.UpstreamUnreachable);
  });

  it('sends a request limited to one attempt exactly once, returning its 503', async () => {
    const { upstream, client } = await start(json(503, { error: 'maintenance' }));

    const response = await client.send(get(`${upstream.url}/down`, { maxAttempts: 1 }));

    expect(response).toMatchObject({ status: 503, attempts: 1 });
    expect(upstream.seen).toHaveLength(1);
  });

  it('applies a per-request body limit lower than its own, never a higher one', async () => {
    const { upstream, client } = await start(
      inTurn(
        (_request, response) => response.end(Buffer.alloc(600)),
        (_request, response) => response.end(Buffer.alloc(2048)),
      ),
    );

    const lower = await rejectionOf(client.send(get(`${upstream.url}/big`, { maxResponseBytes: 512 })), DomainError);
    const higher = await rejectionOf(client.send(get(`${upstream.url}/big`, { maxResponseBytes: 100_000 })), DomainError);

    expect(lower.message).toBe(`The upstream at ${upstream.url} answered with a body larger than 512 bytes`);
    expect(higher.message).toBe(`The upstream at ${upstream.url} answered with a body larger than 1024 bytes`);
  });

  it('returns a 429 at once when its Retry-After is longer than a run may wait', async () => {
    const { upstream, client } = await start(json(429, {}, { 'retry-after': '3600' }));

    const response = await client.send(get(`${upstream.url}/limited`));

    expect(response).toMatchObject({ status: 429, attempts: 1 });
  });

  it('resolves the host once for all attempts of a request', async () => {
    const lookups: string[] = [];
    const lookup: HostLookup = (hostname) => {
      lookups.push(hostname);
      return Promise.resolve([{ address: '127.0.0.1', family: 4 }]);
    };
    const { upstream, client } = await start(inTurn(json(503, {}), json(200, {})), { lookup });

    const response = await client.send(get(`http://api.fake.example:${upstream.port}/`));

    expect(response.attempts).toBe(2);
    expect(lookups).toEqual(['api.fake.example']);
    expect(upstream.seen).toHaveLength(2);
  });

  it('fails with UpstreamUnreachable when nothing listens on the port, after retrying a GET', async () => {
    client = new OutboundClient(baseOptions);
    const port = await closedPort();

    const error = await rejectionOf(client.send(get(`http://127.0.0.1:${port}/`)), DomainError);

    expect(error.code).toBe(ErrorCode.UpstreamUnreachable);
    expect(error.message).toBe(`The upstream at http://127.0.0.1:${port} could not be reached`);
    expect(error.details).toEqual({ origin: `http://127.0.0.1:${port}`, cause: 'ECONNREFUSED' });
  });

  it('fails with UpstreamUnreachable when the name does not resolve', async () => {
    const lookup: HostLookup = () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
    client = new OutboundClient({ ...baseOptions, lookup });

    const error = await rejectionOf(client.send(get('https://no-such-host.example/')), DomainError);

    expect(error.code).toBe(ErrorCode.UpstreamUnreachable);
    expect(error.details).toEqual({ origin: 'https://no-such-host.example', cause: 'ENOTFOUND' });
  });

  it('fails with UpstreamTimeout when the headers do not come in time, without retrying or leaking the request', async () => {
    const { upstream, client } = await start(() => undefined);

    const error = await rejectionOf(
      client.send(get(`${upstream.url}/slow`, { headers: { authorization: `Bearer ${SECRET}` }, timeouts: { headersMs: 50 } })),
      DomainError,
    );

    expect(error.code).toBe(ErrorCode.UpstreamTimeout);
    expect(error.message).toBe(`The upstream at ${upstream.url} did not answer within 50 ms`);
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(SECRET);
    expect(upstream.seen).toHaveLength(1);
  });

  it('fails with UpstreamTimeout when the body does not end in time', async () => {
    const { upstream, client } = await start((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('partial');
    });

    const error = await rejectionOf(client.send(get(`${upstream.url}/drip`, { timeouts: { bodyMs: 50 } })), DomainError);

    expect(error.code).toBe(ErrorCode.UpstreamTimeout);
    expect(error.message).toBe(`The upstream at ${upstream.url} did not answer within 50 ms`);
  });

  it('fails with UpstreamResponseTooLarge for a body over the limit, announced or streamed', async () => {
    const { upstream, client } = await start(
      inTurn(
        (_request, response) => response.end(Buffer.alloc(2048)),
        (_request, response) => {
          response.writeHead(200, { 'content-type': 'application/octet-stream' });
          for (let chunk = 0; chunk < 8; chunk += 1) response.write(Buffer.alloc(256));
          response.end();
        },
      ),
    );

    const announced = await rejectionOf(client.send(get(`${upstream.url}/big`)), DomainError);
    const streamed = await rejectionOf(client.send(get(`${upstream.url}/big`)), DomainError);

    for (const error of [announced, streamed]) {
      expect(error.code).toBe(ErrorCode.UpstreamResponseTooLarge);
      expect(error.message).toBe(`The upstream at ${upstream.url} answered with a body larger than 1024 bytes`);
    }
  });

  it('returns a redirect as it is instead of following it', async () => {
    const { upstream, client } = await start((_request, response) => {
      response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      response.end();
    });

    const response = await client.send(get(`${upstream.url}/moved`));

    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('http://169.254.169.254/latest/meta-data/');
    expect(upstream.seen).toHaveLength(1);
  });

  it.each([
    ['169.254.169.254', '169.254.169.254, in 169.254.0.0/16 (Link Local, RFC 3927)'],
    ['10.0.0.1', '10.0.0.1, in 10.0.0.0/8 (Private-Use, RFC 1918)'],
    ['::ffff:127.0.0.1', '::ffff:7f00:1, which carries 127.0.0.1, in 127.0.0.0/8 (Loopback, RFC 1122)'],
    ['fd00:ec2::254', 'fd00:ec2::254, in fc00::/7 (Unique-Local, RFC 4193)'],
  ])('refuses a public-looking name that resolves to %s, before connecting', async (address, what) => {
    const lookup: HostLookup = () => Promise.resolve([{ address, family: address.includes(':') ? 6 : 4 }]);
    client = new OutboundClient({ ...baseOptions, allow: [], lookup });

    const error = await rejectionOf(client.send(get('https://api.public-looking.com/v1/')), DomainError);

    expect(error.code).toBe(ErrorCode.OutboundAddressRefused);
    expect(error.message).toBe(`Outbound requests to api.public-looking.com are refused: it resolves to ${what}; allow it with SWITCHBOARD_OUTBOUND_ALLOW`);
  });

  it('refuses a name when one of the addresses it resolves to is private', async () => {
    const lookup: HostLookup = () =>
      Promise.resolve([
        { address: '93.184.216.34', family: 4 },
        { address: '10.0.0.1', family: 4 },
      ]);
    client = new OutboundClient({ ...baseOptions, lookup });

    const error = await rejectionOf(client.send(get('https://rebinding.example/')), DomainError);

    expect(error.code).toBe(ErrorCode.OutboundAddressRefused);
    expect(error.details).toMatchObject({ host: 'rebinding.example', address: '10.0.0.1' });
  });

  it.each(['http://169.254.169.254/latest/meta-data/', 'http://2130706433/', 'http://0x7f000001/', 'http://0177.0.0.1/', 'http://127.1/', 'http://[::1]/', 'http://[::ffff:7f00:1]/', 'http://0/'])(
    'refuses the address literal %s without asking DNS',
    async (url) => {
      const lookup = jest.fn<HostLookup>();
      client = new OutboundClient({ ...baseOptions, allow: [], lookup });

      const error = await rejectionOf(client.send(get(url)), DomainError);

      expect(error.code).toBe(ErrorCode.OutboundAddressRefused);
      expect(lookup).not.toHaveBeenCalled();
    },
  );

  it('refuses 127.0.0.1 when the allow-list does not name it', async () => {
    const { upstream, client } = await start(json(200, {}), { allow: [] });

    const error = await rejectionOf(client.send(get(`${upstream.url}/`)), DomainError);

    expect(error.code).toBe(ErrorCode.OutboundAddressRefused);
    expect(upstream.seen).toHaveLength(0);
  });

  it('connects to the address it checked and names the original host in Host', async () => {
    const lookup: HostLookup = (hostname) => Promise.resolve(hostname === 'fake.example' ? [{ address: '127.0.0.1', family: 4 }] : []);
    const { upstream, client } = await start(json(200, { ok: true }), { lookup });

    const response = await client.send(get(`http://fake.example:${upstream.port}/pinned`, { headers: { Host: 'elsewhere.example' } }));

    expect(response.status).toBe(200);
    expect(upstream.seen[0]?.headers.host).toBe(`fake.example:${upstream.port}`);
  });

  it('opens TLS to the checked address with the original host as SNI server name', async () => {
    const serverNames: string[] = [];
    // No certificate: the handshake ends at SNI, which is all this needs to see.
    const server = createTlsServer({
      SNICallback: (serverName, done) => {
        serverNames.push(serverName);
        done(new Error('No certificate for this test'));
      },
    });
    server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const lookup: HostLookup = () => Promise.resolve([{ address: '127.0.0.1', family: 4 }]);
    client = new OutboundClient({ ...baseOptions, lookup, maxAttempts: 1 });

    try {
      const error = await rejectionOf(client.send(get(`https://tls.fake.example:${port}/`)), DomainError);
      expect(error.code).toBe(ErrorCode.UpstreamUnreachable);
      expect(serverNames).toEqual(['tls.fake.example']);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('lets a name the allow-list names through, whatever it resolves to', async () => {
    const lookup: HostLookup = () => Promise.resolve([{ address: '127.0.0.1', family: 4 }]);
    const { upstream, client } = await start(json(200, { ok: true }), { allow: ['intranet.example'], lookup });

    const response = await client.send(get(`http://intranet.example:${upstream.port}/`));

    expect(response.status).toBe(200);
  });

  it('refuses URLs that are not http(s)', async () => {
    client = new OutboundClient(baseOptions);

    const error = await rejectionOf(client.send(get('ftp://127.0.0.1/file')), DomainError);

    expect(error.code).toBe(ErrorCode.ValidationFailed);
  });
});
