import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';

/** Settings every service reads; each has a default for local use. */
export class ServiceConfig {
  @Matches(/^(nats|tls|wss?):\/\/.+/, { message: 'NATS_URL must be a nats:// URL' })
  NATS_URL: string = 'nats://127.0.0.1:4222';

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
