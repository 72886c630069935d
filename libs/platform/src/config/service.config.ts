import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';
import type { NatsAccess } from '../messaging/nats-connection.js';

/** Settings every service reads; each has a default for local use. */
export class ServiceConfig {
  @Matches(/^(nats|tls|wss?):\/\/.+/, { message: 'NATS_URL must be a nats:// URL' })
  NATS_URL: string = 'nats://127.0.0.1:4222';

  /** The NATS user this service connects as, when the server has users (one per service, each with its permissions). */
  @IsString()
  @ValidateIf((config: ServiceConfig) => config.NATS_PASSWORD !== '')
  @IsNotEmpty({ message: 'NATS_USER must be set when NATS_PASSWORD is' })
  NATS_USER: string = '';

  @IsString()
  @ValidateIf((config: ServiceConfig) => config.NATS_USER !== '')
  @IsNotEmpty({ message: 'NATS_PASSWORD must be set when NATS_USER is' })
  NATS_PASSWORD: string = '';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string = 'postgres://postgres:postgres@127.0.0.1:5432/switchboard';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  @IsInt()
  @Min(100)
  @Max(120_000)
  NATS_REQUEST_TIMEOUT_MS: number = 5000;

  @IsString()
  NODE_ENV: string = 'development';
}

/** Settings of a domain service (every service but the gateway), on top of the ones every service reads. */
export class MicroserviceConfig extends ServiceConfig {
  /**
   * Port of the operations listener (`/health/live`, `/health/ready`, `/metrics`), on every interface: the domain
   * services have no other HTTP port. The same default everywhere suits one process per pod; `0` takes any free port.
   */
  @IsInt()
  @Min(0)
  @Max(65535)
  OPS_PORT: number = 9400;
}

/** How a service reaches NATS: the server, the service's own user, and its own inbox prefix. */
export function serviceNatsAccess(config: ServiceConfig, inboxPrefix: string): NatsAccess {
  return { url: config.NATS_URL, user: config.NATS_USER || undefined, password: config.NATS_PASSWORD || undefined, inboxPrefix };
}
