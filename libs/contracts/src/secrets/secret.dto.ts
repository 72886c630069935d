import { ArrayMaxSize, IsArray, IsISO8601, IsString, MaxLength, ValidateIf } from 'class-validator';
import { IsEnvSlug, IsOmittable, IsSecretKey, IsSecretValue, IsTag } from '../common/validators.js';

/** Who may use a secret, and where: shared by creating and updating one. */
export class SecretUsageRules {
  @IsOmittable()
  @MaxLength(2000)
  @IsString()
  description?: string;

  /** App tags or access tags allowed to use the secret; empty or absent: every app. */
  @IsOmittable()
  @ArrayMaxSize(100)
  @IsTag({ each: true, message: '$property entries must be app tags or access tags (letters, digits, "_" or "-")' })
  @IsArray()
  scope?: string[];

  /** Env slugs the secret may be used in; empty or absent: every env. */
  @IsOmittable()
  @ArrayMaxSize(20)
  @IsEnvSlug({ each: true })
  @IsArray()
  envs?: string[];
}

/** Body of `POST /v1/secrets`. */
export class CreateSecretBody extends SecretUsageRules {
  @IsSecretKey()
  @IsString()
  key!: string;

  @IsSecretValue()
  value!: string;

  @IsOmittable()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: '$property must be an ISO 8601 date-time' })
  expires_at?: string;
}

/** Body of `PATCH /v1/secrets/:key`: a new value makes a new version; `expires_at: null` removes the expiry. */
export class UpdateSecretBody extends SecretUsageRules {
  @IsOmittable()
  @IsSecretValue()
  value?: string;

  @ValidateIf((body: UpdateSecretBody) => body.expires_at !== null && body.expires_at !== undefined)
  @IsISO8601({ strict: true, strictSeparator: true }, { message: '$property must be an ISO 8601 date-time or null' })
  expires_at?: string | null;
}

/** Body of `POST /v1/secrets/:key/rotate`. */
export class RotateSecretBody {
  @IsSecretValue()
  value!: string;
}

/** A secret without its value: what every call but `secrets.fetch` returns. */
export interface SecretView {
  key: string;
  description: string;
  scope: string[];
  envs: string[];
  expires_at: string | null;
  version: number;
  /** When a run last used the secret, to the minute (a use within a minute of the one recorded leaves it); `null` if none has. */
  last_used_at: string | null;
  created_at: string;
  updated_at: string;
}

/** `secrets.fetch`: the only reply that carries a value. */
export interface SecretWithValueView extends SecretView {
  value: string;
}

export type SecretAuditAction = 'create' | 'update' | 'rotate' | 'delete' | 'fetch' | 'use';

/** One audit entry; never the value. */
export interface SecretAuditEntryView {
  id: string;
  key: string;
  action: SecretAuditAction;
  version: number | null;
  user_id: string | null;
  app: string | null;
  access_tag: string | null;
  env: string | null;
  run_id: string | null;
  at: string;
}
