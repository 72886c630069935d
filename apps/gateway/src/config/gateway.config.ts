import { fileURLToPath } from 'node:url';
import { IsInt, IsString, Max, Min, ValidateBy, ValidateIf } from 'class-validator';
import { IsHttpUrl } from '@switchboard/contracts';
import { ServiceConfig } from '@switchboard/platform';
import { isTrustProxySetting } from '../http/trust-proxy.js';
import { parseWorkspaceLimitOverrides } from '../rate-limits/rate-limit-policy.js';

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

  /** How long a verified API key or a live session is trusted from memory before the database is asked again. */
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  GATEWAY_AUTH_CACHE_TTL_MS: number = 60_000;

  /** How long a sign-in session lasts from sign-in (12 h by default); it is not extended by use. */
  @IsInt()
  @Min(60)
  @Max(30 * 24 * 3600)
  GATEWAY_SESSION_TTL_SECONDS: number = 12 * 3600;

  /**
   * Which proxies in front of the gateway are believed about the client's protocol and address (X-Forwarded-Proto,
   * X-Forwarded-For): nobody by default, so a session cookie is Secure only when the gateway itself serves https.
   */
  @ValidateBy({
    name: 'isTrustProxySetting',
    validator: {
      validate: isTrustProxySetting,
      defaultMessage: () => 'GATEWAY_TRUST_PROXY must be empty, true, or comma-separated IP addresses and CIDR ranges (or loopback, linklocal, uniquelocal)',
    },
  })
  GATEWAY_TRUST_PROXY: string = '';

  /**
   * The gateway's public origin (and path prefix, if any) as senders and users see it, e.g. `https://api.example.com`:
   * webhook receive URLs are built from it. Unset, each request's own origin is used.
   */
  @ValidateIf((config: GatewayConfig) => config.GATEWAY_PUBLIC_URL !== '')
  @IsHttpUrl({ message: 'GATEWAY_PUBLIC_URL must be empty or an absolute http(s) URL' })
  GATEWAY_PUBLIC_URL: string = '';

  /** The largest webhook body `POST /hooks/:receive_id` accepts; a larger one is 413 (it must fit one NATS message). */
  @IsInt()
  @Min(1024)
  @Max(700 * 1024)
  WEBHOOK_BODY_LIMIT_BYTES: number = 512 * 1024;

  /** Receipts per second one receive id may send to one gateway replica, on average. */
  @IsInt()
  @Min(1)
  @Max(100_000)
  WEBHOOK_RATE_LIMIT_PER_SECOND: number = 50;

  /** Receipts one receive id may send at once, above its rate, before it is answered 429. */
  @IsInt()
  @Min(1)
  @Max(100_000)
  WEBHOOK_RATE_LIMIT_BURST: number = 200;

  /** Requests per second one workspace may make through all gateway replicas together, on average. */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  GATEWAY_RATE_LIMIT_WORKSPACE_PER_SECOND: number = 1000;

  /** Requests one workspace may make at once, above its rate, before it is answered 429. */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  GATEWAY_RATE_LIMIT_WORKSPACE_BURST: number = 2000;

  /** Requests per second one API key may make through all gateway replicas together, on average. */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  GATEWAY_RATE_LIMIT_KEY_PER_SECOND: number = 500;

  /** Requests one API key may make at once, above its rate, before it is answered 429. */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  GATEWAY_RATE_LIMIT_KEY_BURST: number = 1000;

  /** Workspaces with their own limit instead of the two above: `<workspace id>=<per second>/<burst>`, comma-separated. */
  @ValidateBy({
    name: 'isWorkspaceLimitOverrides',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && typeof parseWorkspaceLimitOverrides(value) !== 'string',
      defaultMessage: (args) => {
        const parsed = typeof args?.value === 'string' ? parseWorkspaceLimitOverrides(args.value) : 'must be text';
        return `GATEWAY_RATE_LIMIT_WORKSPACE_OVERRIDES: ${typeof parsed === 'string' ? parsed : 'is invalid'}`;
      },
    },
  })
  GATEWAY_RATE_LIMIT_WORKSPACE_OVERRIDES: string = '';

  /**
   * When set, `GET /metrics` answers only `Authorization: Bearer <this token>`; empty, it is public (it counts requests
   * by route and status, never a workspace or a URL).
   */
  @IsString()
  GATEWAY_METRICS_TOKEN: string = '';

  /** The built web workbench the gateway serves at `/`: `npm run build` writes it to dist/apps/workbench/. */
  @IsString()
  GATEWAY_WORKBENCH_DIR: string = fileURLToPath(new URL('../../../workbench/', import.meta.url));
}
