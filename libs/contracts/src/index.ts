// class-transformer's @Type reads decorator metadata, so the contracts load it themselves.
import 'reflect-metadata';
export * from './errors/error-code.js';
export * from './errors/error-body.js';
export * from './messaging/subjects.js';
export * from './common/patterns.js';
export * from './common/validators.js';
export * from './common/workspace-scoped.request.js';
export * from './catalog/app.dto.js';
export * from './catalog/product.dto.js';
export * from './catalog/catalog.requests.js';
export * from './connection/connection.dto.js';
export * from './connection/connection.requests.js';
export * from './health/health.dto.js';
export * from './secrets/secret.dto.js';
export * from './secrets/secrets.requests.js';
export * from './actions/action-run.dto.js';
export * from './actions/run-record.dto.js';
export * from './integrations/integration-fetch.dto.js';
