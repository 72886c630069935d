import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { recordRequest, sameToken, type RecordedRequest } from './recorded-request.js';
import type { VaultForTests } from './vault-for-tests.js';

/** Vault's default `max_request_size`. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** What the stand-in serves. */
export interface VaultKv2StandInOptions {
  /** The only token accepted; random when omitted. */
  token?: string;
  /** Mount path of the KV v2 engine; `secret` like Vault's dev mode. */
  mount?: string;
}

interface StoredVersion {
  data: Record<string, unknown>;
  createdTime: string;
  deletionTime: string;
}

interface StoredSecret {
  createdTime: string;
  updatedTime: string;
  versions: StoredVersion[];
}

interface Reply {
  status: number;
  body?: unknown;
}

/**
 * A stand-in for HashiCorp Vault's KV version 2 secrets engine, written from Vault's documented
 * HTTP API (https://developer.hashicorp.com/vault/api-docs/secret/kv/kv-v2) closely enough for
 * node-vault: X-Vault-Token checked on every call (403 `permission denied`), versioned writes with
 * check-and-set, reads of the latest or `?version=N`, soft delete of the latest version, delete of
 * the metadata (every version), and `GET /v1/sys/health`.
 *
 * It exists because Vault cannot be installed on our development and CI machines. Where a Docker
 * engine answers, `startVaultForTests()` runs the same tests against a real `hashicorp/vault` in
 * dev mode instead, which keeps this stand-in honest. It listens on 127.0.0.1, on a free port.
 */
export async function startVaultKv2StandIn(options: VaultKv2StandInOptions = {}): Promise<VaultForTests> {
  const token = options.token ?? `hvs.stand-in-${randomBytes(12).toString('hex')}`;
  const mount = options.mount ?? 'secret';
  const engine = new Kv2Engine();
  const requests: RecordedRequest[] = [];

  const server = createServer((request, response) => {
    requests.push(recordRequest(request, token));
    void readBody(request).then(
      (body) => send(response, routeOrFail(request, body)),
      (error: unknown) => send(response, error instanceof BodyTooLarge ? { status: 413, body: { errors: ['http: request body too large'] } } : { status: 400, body: { errors: ['failed to read request body'] } }),
    );
  });

  function routeOrFail(request: IncomingMessage, body: string): Reply {
    try {
      return route(request, body);
    } catch (error) {
      // A malformed percent-encoding or the like: answer as Vault does instead of dropping the connection.
      return { status: 400, body: { errors: [error instanceof Error ? error.message : 'bad request'] } };
    }
  }

  function route(request: IncomingMessage, body: string): Reply {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const method = request.method ?? 'GET';
    if (url.pathname === '/v1/sys/health') {
      // Unauthenticated in Vault too: load balancers call it.
      return method === 'GET' || method === 'HEAD' ? { status: 200, body: healthBody() } : methodNotAllowed();
    }
    if (!sameToken(request.headers['x-vault-token'], token)) return { status: 403, body: { errors: ['permission denied'] } };

    const mountPrefix = `/v1/${mount}/`;
    const match = url.pathname.startsWith(mountPrefix) ? /^(data|metadata)\/(.+)$/.exec(url.pathname.slice(mountPrefix.length)) : null;
    if (!match) {
      return { status: 404, body: { errors: [`no handler for route "${url.pathname.replace(/^\/v1\//, '')}". route entry not found.`] } };
    }
    // Vault's router works on the decoded path.
    const path = decodeURIComponent(match[2] ?? '');
    if (match[1] === 'data') {
      switch (method) {
        case 'GET':
          return engine.read(path, Number(url.searchParams.get('version') ?? '0'));
        case 'POST':
        case 'PUT':
          return engine.write(path, body);
        case 'DELETE':
          return engine.deleteLatest(path);
        default:
          return methodNotAllowed();
      }
    }
    switch (method) {
      case 'GET':
        return engine.readMetadata(path);
      case 'DELETE':
        return engine.deleteAll(path);
      default:
        return methodNotAllowed();
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    kind: 'stand-in',
    url: `http://127.0.0.1:${port}`,
    token,
    mount,
    requests,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // HTTP clients keep connections alive; close them so stop() does not wait for their idle timeout.
        server.closeAllConnections();
      }),
  };
}

/** The versioned key/value store behind the routes, answering in Vault's shapes. */
class Kv2Engine {
  private readonly secrets = new Map<string, StoredSecret>();

  read(path: string, requested: number): Reply {
    const secret = this.secrets.get(path);
    const version = requested > 0 ? requested : (secret?.versions.length ?? 0);
    const stored = secret?.versions[version - 1];
    if (!secret || !stored) return { status: 404, body: { errors: [] } };
    const metadata = versionMetadata(stored, version);
    // A deleted version still answers with its metadata, but as a 404 with null data.
    if (stored.deletionTime !== '') return { status: 404, body: envelope({ data: null, metadata }) };
    return { status: 200, body: envelope({ data: stored.data, metadata }) };
  }

  write(path: string, rawBody: string): Reply {
    const body = parseJsonObject(rawBody);
    const data = body?.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return { status: 400, body: { errors: ['no data provided'] } };
    const secret = this.secrets.get(path);
    const current = secret?.versions.length ?? 0;
    const cas = (body?.options as { cas?: unknown } | undefined)?.cas;
    if (cas !== undefined && Number(cas) !== current) {
      return { status: 400, body: { errors: ['check-and-set parameter did not match the current version'] } };
    }
    const now = new Date().toISOString();
    const stored: StoredVersion = { data: data as Record<string, unknown>, createdTime: now, deletionTime: '' };
    if (secret) {
      secret.versions.push(stored);
      secret.updatedTime = now;
    } else {
      this.secrets.set(path, { createdTime: now, updatedTime: now, versions: [stored] });
    }
    return { status: 200, body: envelope(versionMetadata(stored, current + 1)) };
  }

  deleteLatest(path: string): Reply {
    const latest = this.secrets.get(path)?.versions.at(-1);
    if (latest && latest.deletionTime === '') latest.deletionTime = new Date().toISOString();
    return { status: 204 };
  }

  readMetadata(path: string): Reply {
    const secret = this.secrets.get(path);
    if (!secret) return { status: 404, body: { errors: [] } };
    const versions = Object.fromEntries(
      secret.versions.map((stored, index) => [String(index + 1), { created_time: stored.createdTime, deletion_time: stored.deletionTime, destroyed: false }]),
    );
    return {
      status: 200,
      body: envelope({
        cas_required: false,
        created_time: secret.createdTime,
        current_version: secret.versions.length,
        custom_metadata: null,
        delete_version_after: '0s',
        max_versions: 0,
        oldest_version: 1,
        updated_time: secret.updatedTime,
        versions,
      }),
    };
  }

  deleteAll(path: string): Reply {
    this.secrets.delete(path);
    return { status: 204 };
  }
}

function versionMetadata(stored: StoredVersion, version: number): Record<string, unknown> {
  return { created_time: stored.createdTime, custom_metadata: null, deletion_time: stored.deletionTime, destroyed: false, version };
}

/** Vault's common response wrapper around `data`. */
function envelope(data: unknown): Record<string, unknown> {
  return { request_id: randomUUID(), lease_id: '', renewable: false, lease_duration: 0, data, wrap_info: null, warnings: null, auth: null, mount_type: 'kv' };
}

function healthBody(): Record<string, unknown> {
  return {
    initialized: true,
    sealed: false,
    standby: false,
    performance_standby: false,
    replication_performance_mode: 'disabled',
    replication_dr_mode: 'disabled',
    server_time_utc: Math.floor(Date.now() / 1000),
    version: '1.21.0+stand-in',
    enterprise: false,
    cluster_name: 'vault-kv2-stand-in',
  };
}

function methodNotAllowed(): Reply {
  return { status: 405, body: { errors: [] } };
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    // Vault answers unparsable JSON the same way as a body without data.
    return undefined;
  }
}

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, reply: Reply): void {
  if (reply.body === undefined) {
    response.writeHead(reply.status).end();
    return;
  }
  response.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
}
