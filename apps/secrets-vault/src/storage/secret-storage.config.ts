import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, Min, ValidateIf } from 'class-validator';
import { MASTER_KEY_TEXT_PATTERN } from './embedded/master-key.js';

const PATH_PATTERN = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;

// Compose files and shells often pass `VAULT_ADDR=` to mean "not set"; treating it as set would
// pick a backend nobody configured.
const emptyAsUnset = Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value));

/** Where secret values are kept: Vault KV v2 when VAULT_ADDR and VAULT_TOKEN are set, else Postgres under a master key. */
export class SecretStorageConfig {
  @emptyAsUnset
  @ValidateIf((config: SecretStorageConfig) => config.VAULT_ADDR !== undefined || config.VAULT_TOKEN !== undefined)
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'VAULT_ADDR must be an http(s) URL and is required when VAULT_TOKEN is set' })
  VAULT_ADDR?: string;

  // Set alone, either one would silently fall back to Postgres storage: refuse instead.
  @emptyAsUnset
  @ValidateIf((config: SecretStorageConfig) => config.VAULT_ADDR !== undefined || config.VAULT_TOKEN !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'VAULT_TOKEN is required when VAULT_ADDR is set' })
  VAULT_TOKEN?: string;

  @Matches(PATH_PATTERN, { message: 'VAULT_KV_MOUNT must be a path such as "secret"' })
  VAULT_KV_MOUNT: string = 'secret';

  @Matches(PATH_PATTERN, { message: 'VAULT_PATH_PREFIX must be a path such as "switchboard"' })
  VAULT_PATH_PREFIX: string = 'switchboard';

  @IsInt()
  @Min(100)
  @Max(120_000)
  VAULT_REQUEST_TIMEOUT_MS: number = 5000;

  /** 32 bytes as base64 or 64 hex characters; the messages never echo it. */
  @emptyAsUnset
  @IsOptional()
  @Matches(MASTER_KEY_TEXT_PATTERN, { message: 'SWITCHBOARD_MASTER_KEY must be 32 bytes written as base64 (44 characters) or hex (64 characters)' })
  SWITCHBOARD_MASTER_KEY?: string;

  @IsString()
  @IsNotEmpty()
  SWITCHBOARD_MASTER_KEY_FILE: string = '.data/master.key';
}
