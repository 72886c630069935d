import { DEFAULT_NATS_MAX_PAYLOAD, InvalidConfigError, LARGEST_NATS_MAX_PAYLOAD, largestBodyForReply } from '@switchboard/platform';
import { IsInt, IsString, Max, Min, ValidateBy } from 'class-validator';
import { parseAllowEntry, splitAllowList } from './address-policy.js';
import type { OutboundClientOptions } from './outbound-request.js';

// Checked at start-up so that a mistyped entry stops the executor instead of silently allowing nothing.
const IsOutboundAllowList = ValidateBy({
  name: 'isOutboundAllowList',
  validator: {
    validate: (value: unknown) => typeof value === 'string' && splitAllowList(value).every((entry) => parseAllowEntry(entry) !== undefined),
    defaultMessage: () => 'SWITCHBOARD_OUTBOUND_ALLOW must be a comma-separated list of IP addresses, CIDR subnets or hostnames',
  },
});

/** Settings of the executor's outbound HTTP client; each has a default for local use. */
export class OutboundConfig {
  /** Addresses, subnets or hostnames the address policy lets through, e.g. `127.0.0.1,::1` for local development. */
  @IsString()
  @IsOutboundAllowList
  SWITCHBOARD_OUTBOUND_ALLOW: string = '';

  @IsInt()
  @Min(1)
  @Max(120_000)
  OUTBOUND_CONNECT_TIMEOUT_MS: number = 5000;

  @IsInt()
  @Min(1)
  @Max(600_000)
  OUTBOUND_HEADERS_TIMEOUT_MS: number = 30_000;

  @IsInt()
  @Min(1)
  @Max(600_000)
  OUTBOUND_BODY_TIMEOUT_MS: number = 30_000;

  // A run's reply carries the body back over NATS, in one message of at most the server's max_payload: the default
  // fits nats-server's default of 1 MiB, the bound its largest; `assertRepliesFit` checks the server's own once connected.
  @IsInt()
  @Min(1)
  @Max(largestBodyForReply(LARGEST_NATS_MAX_PAYLOAD))
  OUTBOUND_MAX_RESPONSE_BYTES: number = largestBodyForReply(DEFAULT_NATS_MAX_PAYLOAD);

  @IsInt()
  @Min(1)
  @Max(10)
  OUTBOUND_MAX_ATTEMPTS: number = 3;

  @IsInt()
  @Min(1)
  @Max(10_000)
  OUTBOUND_MAX_CONNECTIONS_PER_ORIGIN: number = 50;
}

/** The {@link OutboundClientOptions} a validated {@link OutboundConfig} describes. */
export function outboundClientOptionsFrom(config: OutboundConfig): OutboundClientOptions {
  return {
    allow: splitAllowList(config.SWITCHBOARD_OUTBOUND_ALLOW),
    maxResponseBytes: config.OUTBOUND_MAX_RESPONSE_BYTES,
    defaultTimeouts: {
      connectMs: config.OUTBOUND_CONNECT_TIMEOUT_MS,
      headersMs: config.OUTBOUND_HEADERS_TIMEOUT_MS,
      bodyMs: config.OUTBOUND_BODY_TIMEOUT_MS,
    },
    maxAttempts: config.OUTBOUND_MAX_ATTEMPTS,
    maxConnectionsPerOrigin: config.OUTBOUND_MAX_CONNECTIONS_PER_ORIGIN,
  };
}

/** Refuses an {@link OutboundConfig} whose largest body a reply through a NATS server of `maxPayload` cannot carry. */
export function assertRepliesFit(config: OutboundConfig, maxPayload: number): void {
  const largest = largestBodyForReply(maxPayload);
  if (config.OUTBOUND_MAX_RESPONSE_BYTES <= largest) return;
  throw new InvalidConfigError([
    `OUTBOUND_MAX_RESPONSE_BYTES: OUTBOUND_MAX_RESPONSE_BYTES must not be greater than ${largest}, the largest body a reply carries within the NATS server's max_payload of ${maxPayload} bytes`,
  ]);
}
