import { IsInt, IsString, Max, Min } from 'class-validator';
import { ServiceConfig } from '@switchboard/platform';

/** Gateway settings on top of the ones every service reads. */
export class GatewayConfig extends ServiceConfig {
  @IsInt()
  @Min(0)
  @Max(65535)
  GATEWAY_PORT: number = 3000;

  @IsString()
  GATEWAY_HOST: string = '0.0.0.0';

  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  GATEWAY_BODY_LIMIT_BYTES: number = 1024 * 1024;

  /** How long the gateway waits for an action run, which includes the third party's own time and retries. */
  @IsInt()
  @Min(1000)
  @Max(600_000)
  GATEWAY_ACTION_RUN_TIMEOUT_MS: number = 70_000;

  /** How long a verified API key is trusted from memory before the database is asked again. */
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  GATEWAY_AUTH_CACHE_TTL_MS: number = 60_000;
}
