/**
 * Log paths that may carry credentials. pino replaces them before a line is written, so
 * a careless `logger.info({ body })` cannot print a key.
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-switchboard-csrf"]',
  'res.headers["set-cookie"]',
  'private_key',
  '*.private_key',
  'authorization',
  '*.authorization',
  '*.password',
  '*.api_key',
  '*.client_secret',
  '*.access_token',
  '*.refresh_token',
  '*.data',
  'auth[*].data',
  '*.auth[*].data',
  '*.envs[*].auth[*].data',
];
