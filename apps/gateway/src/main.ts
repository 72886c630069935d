import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { isTracingOn, loadConfigsOrExit, runMigrations, serviceDataSourceOptions, startTracing, TracingConfig } from '@switchboard/platform';
import { Logger } from 'nestjs-pino';
import { Registry } from 'prom-client';
import { AuditLog } from './audit/audit-log.js';
import { recordAuditedChanges } from './audit/record-audited-changes.js';
import { openCallerFrames } from './auth/caller-frames.js';
import { GatewayConfig } from './config/gateway.config.js';
import { gatewayDatabase } from './database/gateway.database.js';
import { mountApiDocs } from './docs/api-docs.js';
import { GatewayModule } from './gateway.module.js';
import { HttpErrorFilter } from './http/http-error.filter.js';
import { acceptImportBodies } from './http/import-bodies.js';
import { acceptJsonBodiesOnly } from './http/json-bodies.js';
import { describeListening } from './http/listening-address.js';
import { traceHttpRequests } from './http/http-request-spans.js';
import { trustProxyOf } from './http/trust-proxy.js';
import { countHttpRequests } from './metrics/http-request-metrics.js';
import { limitWebhookBodies } from './webhooks/webhook-bodies.js';
import { serveWorkbench } from './workbench/serve-workbench.js';

// Every setting is validated, and the process ends listing every wrong one, before anything connects.
const [config, tracing] = loadConfigsOrExit([GatewayConfig, TracingConfig]);
// Before the modules are built: the logger reads whether to stamp trace ids on its lines.
await startTracing('gateway', tracing);
await runMigrations(serviceDataSourceOptions(config.DATABASE_URL, gatewayDatabase));

// bodyParser: false, or Nest would add its own JSON and urlencoded parsers when the app starts.
const app = await NestFactory.create<NestFastifyApplication>(
  GatewayModule.forRoot(config),
  new FastifyAdapter({ bodyLimit: config.GATEWAY_BODY_LIMIT_BYTES, trustProxy: trustProxyOf(config.GATEWAY_TRUST_PROXY) }),
  { bufferLogs: true, bodyParser: false },
);
countHttpRequests(app.getHttpAdapter().getInstance(), app.get(Registry));
if (isTracingOn()) traceHttpRequests(app.getHttpAdapter().getInstance());
openCallerFrames(app.getHttpAdapter().getInstance());
recordAuditedChanges(app.getHttpAdapter().getInstance(), app.get(AuditLog), app.get(HttpErrorFilter));
acceptJsonBodiesOnly(app.getHttpAdapter().getInstance());
await acceptImportBodies(app.getHttpAdapter().getInstance());
limitWebhookBodies(app.getHttpAdapter().getInstance(), config.WEBHOOK_BODY_LIMIT_BYTES);
// Parses the session cookie into request.cookies and gives replies setCookie; nothing is signed, the token is opaque.
await app.getHttpAdapter().getInstance().register(fastifyCookie);
app.useLogger(app.get(Logger));
mountApiDocs(app);
await serveWorkbench(app.getHttpAdapter().getInstance(), config.GATEWAY_WORKBENCH_DIR);
app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
await app.listen(config.GATEWAY_PORT, config.GATEWAY_HOST);
// Bound to a TCP port, so address() is an AddressInfo, never a pipe name.
app.get(Logger).log(describeListening(app.getHttpServer().address() as AddressInfo));
