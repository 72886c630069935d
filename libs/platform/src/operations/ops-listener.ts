import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { Registry } from 'prom-client';
import { MicroserviceConfig } from '../config/service.config.js';
import { ReadinessChecks } from './readiness-checks.js';

/**
 * The small HTTP server a domain service has for operations, apart from NATS: `/health/live` (the process and its
 * event loop answer), `/health/ready` (every registered dependency answers: 503 naming which is down) and `/metrics`
 * (Prometheus text). Unauthenticated, so it says up or down and counts, never a message or a tenant.
 */
@Injectable()
export class OpsListener implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly #server: Server;

  constructor(
    private readonly config: MicroserviceConfig,
    private readonly readiness: ReadinessChecks,
    private readonly registry: Registry,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('operations');
    this.#server = createServer((request, response) => {
      this.#answer(request, response).catch((error: unknown) => {
        this.logger.error({ err: error, path: request.url }, 'operations request failed');
        if (!response.headersSent) send(response, 500, 'application/json', JSON.stringify({ code: 'internal_error', message: 'The request failed' }));
        else response.destroy();
      });
    });
  }

  /** The bound port, once listening (the configured one, or the one the system chose for `OPS_PORT=0`). */
  get port(): number | undefined {
    return (this.#server.address() as AddressInfo | null)?.port;
  }

  async onApplicationBootstrap(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const failed = (error: Error): void =>
        reject(new Error(`The operations listener cannot listen on port ${this.config.OPS_PORT} (OPS_PORT): ${error.message}`, { cause: error }));
      this.#server.once('error', failed);
      this.#server.listen(this.config.OPS_PORT, () => {
        this.#server.off('error', failed);
        resolve();
      });
    });
    this.logger.info({ port: this.port }, `operations listener on port ${this.port}: /health/live, /health/ready, /metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }

  async #answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://operations').pathname;
    if (!OPERATIONS_PATHS.has(path)) {
      send(response, 404, 'application/json', JSON.stringify({ code: 'not_found', message: `No operations route ${path}: use /health/live, /health/ready or /metrics` }));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      send(response, 405, 'application/json', JSON.stringify({ code: 'method_not_allowed', message: `${path} answers GET and HEAD only` }));
      return;
    }
    switch (path) {
      case '/health/live':
        send(response, 200, 'application/json', JSON.stringify({ status: 'ok' }));
        return;
      case '/health/ready': {
        const readiness = await this.readiness.evaluate();
        send(response, readiness.status === 'ok' ? 200 : 503, 'application/json', JSON.stringify(readiness));
        return;
      }
      default:
        send(response, 200, this.registry.contentType, await this.registry.metrics());
    }
  }
}

const OPERATIONS_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

// Node leaves the body out of an answer to HEAD by itself.
function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(body);
}
