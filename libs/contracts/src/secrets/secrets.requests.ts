import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { IsQueryInteger } from '../common/query-integer.js';
import { IsEnvSlug, IsOmittable, IsSecretKey, IsSecretValue, IsTag } from '../common/validators.js';
import { WorkspaceScopedRequest } from '../common/workspace-scoped.request.js';
import { CreateSecretBody, RotateSecretBody, UpdateSecretBody } from './secret.dto.js';

/** Largest page of `secrets.audit.list`. */
export const SECRET_AUDIT_MAX_LIMIT = 500;
/** Page of `secrets.audit.list` when the caller names none. */
export const SECRET_AUDIT_DEFAULT_LIMIT = 100;

/** A request made on behalf of one user, who is named in the audit log. */
export class SecretsActorRequest extends WorkspaceScopedRequest {
  @Length(1, 128)
  @IsString()
  user_id!: string;
}

/** `secrets.secret.create` */
export class CreateSecretRequest extends SecretsActorRequest {
  @ValidateNested()
  @Type(() => CreateSecretBody)
  secret!: CreateSecretBody;
}

/** `secrets.secret.fetch` and `secrets.secret.delete` */
export class SecretKeyRequest extends SecretsActorRequest {
  @IsSecretKey()
  @IsString()
  key!: string;
}

/** `secrets.secret.update` */
export class UpdateSecretRequest extends SecretKeyRequest {
  @ValidateNested()
  @Type(() => UpdateSecretBody)
  changes!: UpdateSecretBody;
}

/** `secrets.secret.rotate` */
export class RotateSecretRequest extends SecretKeyRequest {
  @ValidateNested()
  @Type(() => RotateSecretBody)
  rotation!: RotateSecretBody;
}

/** `secrets.secret.list`: metadata only. */
export class ListSecretsRequest extends WorkspaceScopedRequest {}

/** Query of `GET /v1/secret-audit`: one secret's entries or all of them, newest first. */
export class SecretAuditQuery {
  @IsOmittable()
  @IsSecretKey()
  key?: string;

  @IsOmittable()
  @Min(1)
  @Max(SECRET_AUDIT_MAX_LIMIT)
  @IsQueryInteger()
  limit?: number;
}

/** `secrets.audit.list`: newest first. */
export class ListSecretAuditRequest extends WorkspaceScopedRequest {
  @ValidateNested()
  @Type(() => SecretAuditQuery)
  query!: SecretAuditQuery;
}

/**
 * `secrets.reference.resolve`: the values of the referenced secrets for one use (an action run),
 * after the scope, env and expiry checks. Only the action executor sends it, and records the use itself
 * (`secrets.secret-use.record`) once the run's call is sent.
 */
export class ResolveSecretReferencesRequest extends WorkspaceScopedRequest {
  @ArrayMaxSize(100)
  @IsSecretKey({ each: true })
  @IsArray()
  keys!: string[];

  @IsTag()
  app_tag!: string;

  @IsTag()
  access_tag!: string;

  @IsEnvSlug()
  env!: string;

  @IsOmittable()
  @Length(1, 128)
  @IsString()
  run_id?: string;
}

/** One resolved secret; `expires_at` lets a cache stop using the value when it expires. */
export interface ResolvedSecret {
  value: string;
  version: number;
  expires_at: string | null;
}

/** Reply of `secrets.reference.resolve`. */
export interface ResolvedSecretsReply {
  secrets: Record<string, ResolvedSecret>;
}

/** One run-time use of a secret in a call the executor sent, for the audit log. */
export class SecretUse {
  @IsSecretKey()
  @IsString()
  key!: string;

  @Min(1)
  @IsInt()
  version!: number;

  @IsTag()
  app_tag!: string;

  @IsTag()
  access_tag!: string;

  @IsEnvSlug()
  env!: string;

  @IsOmittable()
  @Length(1, 128)
  @IsString()
  run_id?: string;
}

/** `secrets.secret-use.record` (fire-and-forget): the secrets of calls the executor sent. */
export class RecordSecretUsesRequest extends WorkspaceScopedRequest {
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SecretUse)
  @IsArray()
  uses!: SecretUse[];
}

/** Integration secrets are user secrets or network secrets: a key/value space owned by one user or one named network. */
export const INTEGRATION_SECRET_OWNER_TYPES = ['user', 'network'] as const;
export type IntegrationSecretOwnerType = (typeof INTEGRATION_SECRET_OWNER_TYPES)[number];

/** `secrets.integration-secret.get`: a user's or a network's own key/value secret. */
export class IntegrationSecretRequest extends WorkspaceScopedRequest {
  @IsIn(INTEGRATION_SECRET_OWNER_TYPES)
  owner_type!: IntegrationSecretOwnerType;

  /** The user id, or the network name. */
  @Length(1, 128)
  @IsString()
  owner!: string;

  @IsSecretKey()
  @IsString()
  key!: string;
}

/** `secrets.integration-secret.set` */
export class SetIntegrationSecretRequest extends IntegrationSecretRequest {
  @IsSecretValue()
  value!: string;
}

/** Reply of `secrets.integration-secret.get`. */
export interface IntegrationSecretReply {
  found: boolean;
  value: string;
}

/** Body of `PUT /v1/integrations/secrets/:key`. */
export class SetIntegrationSecretBody {
  @IsSecretValue()
  value!: string;
}

/** Reply of `secrets.reference.check`: per key, whether a run would get it, never the value. */
export interface SecretReferenceChecksReply {
  checks: { key: string; ok: boolean; code?: string; message?: string }[];
}
