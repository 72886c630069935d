import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  HTTP_METHODS,
  type HttpMethod,
  type RequestType,
} from '../common/patterns.js';
import { RateLimitInput, type RateLimitView } from '../common/rate-limit.dto.js';
import { IsEnvSlug, IsHttpUrl, IsOmittable, IsRequestType, IsTag } from '../common/validators.js';
import { ActionSchemaInput, type ActionSchemaView } from './action-schema.dto.js';
import { APP_LIMITS } from './app-limits.js';
import {
  AUTH_SCHEME_TYPES,
  IsOAuth2TokenUrl,
  IsOnlyForOAuth2Schemes,
  OAUTH2_CLIENT_AUTH_METHODS,
  OAUTH2_SCOPE_PATTERN,
  type AuthSchemeType,
  type OAuth2ClientAuthMethod,
} from './auth-scheme.rules.js';
import type { AppTemplateView } from './marketplace.dto.js';

export {
  AUTH_SCHEME_TYPES,
  OAUTH2_CLIENT_AUTH_METHODS,
  OAUTH2_SCHEME_TYPES,
  OAUTH2_SCOPE_PATTERN,
  type AuthSchemeType,
  type OAuth2ClientAuthMethod,
  type OAuth2SchemeType,
} from './auth-scheme.rules.js';

/**
 * Limits on one outbound attempt to an app env, in milliseconds; an omitted one keeps the platform default. At least
 * a second each: the HTTP client checks its timers about twice a second, so a shorter limit would not be kept.
 */
export class AppEnvTimeoutsInput {
  /** Opening the connection (TCP and TLS). */
  @IsOmittable()
  @Max(120_000)
  @Min(1000)
  @IsInt()
  connect_ms?: number;

  /** From sending the request to the complete response headers. */
  @IsOmittable()
  @Max(600_000)
  @Min(1000)
  @IsInt()
  headers_ms?: number;

  /** Reading the whole response body. */
  @IsOmittable()
  @Max(600_000)
  @Min(1000)
  @IsInt()
  body_ms?: number;
}

/** One environment of an app: where its API lives and how requests are encoded. */
export class AppEnvInput {
  @IsEnvSlug()
  slug!: string;

  @IsHttpUrl()
  base_url!: string;

  @IsRequestType()
  request_type!: RequestType;

  @IsOmittable()
  @IsBoolean()
  active?: boolean;

  @IsOmittable()
  @ValidateNested()
  @Type(() => AppEnvTimeoutsInput)
  @IsObject()
  timeouts?: AppEnvTimeoutsInput;
}

/** One callable operation of an app; `path` may hold `:params`. */
export class ActionInput {
  @IsTag()
  tag!: string;

  @IsIn(HTTP_METHODS, { message: `$property must be one of ${HTTP_METHODS.join(', ')}` })
  method!: HttpMethod;

  @Matches(/^\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/, { message: '$property must be a URL path starting with "/"' })
  @MaxLength(1024)
  path!: string;

  @IsOmittable()
  @IsRequestType()
  request_type?: RequestType;

  @IsOmittable()
  @MaxLength(APP_LIMITS.actionSummaryChars)
  @IsString()
  summary?: string;

  @IsOmittable()
  @MaxLength(APP_LIMITS.actionDescriptionChars)
  @IsString()
  description?: string;

  @IsOmittable()
  @ValidateNested()
  @Type(() => ActionSchemaInput)
  @IsObject()
  schema?: ActionSchemaInput;
}

/**
 * How the app authenticates a request. A connection's auth entry names the scheme by `tag` and
 * carries its credentials: `api_key` for api_key, `token` for bearer, `username`/`password` for basic,
 * `client_id`/`client_secret` for oauth2_client_credentials, `client_id`/`refresh_token` (and
 * `client_secret` for a confidential client) for oauth2_refresh_token.
 */
export class AuthSchemeInput {
  @IsTag()
  tag!: string;

  @IsIn(AUTH_SCHEME_TYPES, { message: `$property must be one of ${AUTH_SCHEME_TYPES.join(', ')}` })
  type!: AuthSchemeType;

  /** api_key only: where the key goes (default header). */
  @IsOmittable()
  @IsIn(['header', 'query'], { message: '$property must be header or query' })
  in?: 'header' | 'query';

  /** api_key only: the header or query parameter name (default X-API-Key / api_key). */
  @IsOmittable()
  @Matches(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$/, { message: '$property must be a header or query parameter name' })
  name?: string;

  /** OAuth2 types only, and required for them: where access tokens are requested. */
  @IsOAuth2TokenUrl()
  token_url?: string;

  /** OAuth2 types only: the scopes asked for, sent space-separated as `scope`. */
  @IsOmittable()
  @Matches(OAUTH2_SCOPE_PATTERN, { each: true, message: '$property must hold OAuth2 scopes (1-256 characters each, no spaces, quotes or backslashes)' })
  @ArrayMaxSize(50)
  @IsArray()
  @IsOnlyForOAuth2Schemes()
  scopes?: string[];

  /** OAuth2 types only: the `audience` form field some token endpoints require. */
  @IsOmittable()
  @Length(1, 512)
  @IsString()
  @IsOnlyForOAuth2Schemes()
  audience?: string;

  /** OAuth2 types only: client_id/client_secret in the form body (default) or as HTTP basic auth. */
  @IsOmittable()
  @IsIn(OAUTH2_CLIENT_AUTH_METHODS, { message: `$property must be one of ${OAUTH2_CLIENT_AUTH_METHODS.join(', ')}` })
  @IsOnlyForOAuth2Schemes()
  client_auth?: OAuth2ClientAuthMethod;
}

/** What an app is made of besides its tag: every part may be left out, on create as on update. */
export abstract class AppDefinitionParts {
  @IsOmittable()
  @Length(1, APP_LIMITS.nameChars)
  @IsString()
  name?: string;

  @IsOmittable()
  @MaxLength(APP_LIMITS.descriptionChars)
  @IsString()
  description?: string;

  @IsOmittable()
  @ArrayMaxSize(APP_LIMITS.envs)
  @ValidateNested({ each: true })
  @Type(() => AppEnvInput)
  @IsArray()
  envs?: AppEnvInput[];

  @IsOmittable()
  @ArrayMaxSize(APP_LIMITS.actions)
  @ValidateNested({ each: true })
  @Type(() => ActionInput)
  @IsArray()
  actions?: ActionInput[];

  @IsOmittable()
  @ArrayMaxSize(APP_LIMITS.authSchemes)
  @ValidateNested({ each: true })
  @Type(() => AuthSchemeInput)
  @IsArray()
  auth?: AuthSchemeInput[];
}

/** Body of `POST /v1/apps`: registers a workspace app. */
export class CreateAppBody extends AppDefinitionParts {
  @IsTag()
  tag!: string;

  /** The app's published request limit, kept per connection env; a connection env's own `rate_limit` overrides it. */
  @IsOmittable()
  @ValidateNested()
  @Type(() => RateLimitInput)
  @IsObject()
  rate_limit?: RateLimitInput;
}

export interface AuthSchemeView {
  tag: string;
  type: AuthSchemeType;
  in: 'header' | 'query';
  name: string | null;
  /** OAuth2 types: the token endpoint; null for the others. */
  token_url: string | null;
  /** OAuth2 types: the scopes asked for (maybe none); empty for the others. */
  scopes: string[];
  /** OAuth2 types: the `audience` sent, if any. */
  audience: string | null;
  /** OAuth2 types: how client_id/client_secret reach the token endpoint; null for the others. */
  client_auth: OAuth2ClientAuthMethod | null;
}

export interface AppEnvView {
  slug: string;
  base_url: string;
  request_type: RequestType;
  active: boolean;
  /** Null where the platform default (OUTBOUND_*_TIMEOUT_MS) applies. */
  timeouts: { connect_ms: number | null; headers_ms: number | null; body_ms: number | null };
}

/**
 * An action as an app view lists it: what it is, without its description and schemas, so that a view of thousands of
 * actions still fits one NATS message (APP_LIMITS). `GET /v1/apps/:app/actions/:action` gives it whole.
 */
export interface ActionSummaryView {
  tag: string;
  method: HttpMethod;
  path: string;
  request_type: RequestType | null;
  summary: string;
  /** Whether the action declares any JSON Schema, so a client knows there is more to fetch. */
  has_schema: boolean;
}

/** One action whole: `GET /v1/apps/:app/actions/:action`, and the action of a run plan. */
export interface ActionView extends ActionSummaryView {
  description: string;
  /** The action's JSON Schemas by part; `{}` when it declares none. */
  schema: ActionSchemaView;
}

export interface AppView {
  tag: string;
  name: string;
  description: string;
  envs: AppEnvView[];
  /** Every action, as a summary. */
  actions: ActionSummaryView[];
  auth: AuthSchemeView[];
  /** The app's published request limit, or null for none. */
  rate_limit: RateLimitView | null;
  /** The marketplace template the app was installed from, or null for an app made in the workspace. */
  template: AppTemplateView | null;
  created_at: string;
  updated_at: string;
}

/**
 * Body of `PATCH /v1/apps/:app`: only what changes. Each env listed replaces the env of its slug (or is added),
 * each action and auth scheme listed replaces the one of its tag (or is added); `remove_*` lists the slugs and tags
 * to drop. Everything else stays as it is.
 */
export class UpdateAppBody extends AppDefinitionParts {
  /** Replaces the app's rate limit; null removes it. */
  @IsOptional()
  @ValidateNested()
  @Type(() => RateLimitInput)
  @IsObject()
  rate_limit?: RateLimitInput | null;

  /** Slugs of envs to remove. */
  @IsOmittable()
  @ArrayMaxSize(APP_LIMITS.envs)
  @IsEnvSlug({ each: true })
  @IsArray()
  remove_envs?: string[];

  /** Tags of actions to remove. */
  @IsOmittable()
  @ArrayMaxSize(APP_LIMITS.actions)
  @IsTag({ each: true })
  @IsArray()
  remove_actions?: string[];

  /** Tags of auth schemes to remove. */
  @IsOmittable()
  @ArrayMaxSize(APP_LIMITS.authSchemes)
  @IsTag({ each: true })
  @IsArray()
  remove_auth?: string[];
}

/** An app as the workspace's list shows it: without its actions, which it counts (a list of large apps stays small). */
export interface AppListItemView extends Omit<AppView, 'actions'> {
  action_count: number;
}

/** An app with one of its actions and no other: what a run plan needs (`catalog.action.fetch`). */
export interface AppWithActionView extends Omit<AppView, 'actions'> {
  action: ActionView;
}
