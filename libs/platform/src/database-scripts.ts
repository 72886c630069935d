// Second entry point (@switchboard/platform/database-scripts) for one-shot scripts such as the gateway's
// workspace-create CLI: settings and migrations without NestJS, NATS and pino, which the main entry point loads and
// which took about half of such a script's CPU (0.7 of 1.5 s) before it touched the database.
export * from './config/load-config.js';
export * from './config/service.config.js';
export * from './database/database.options.js';
export * from './database/run-migrations.js';
