import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  VARIABLE_KEY_PATTERN,
  type RequestType,
} from '../common/patterns.js';
import { RateLimitInput, type RateLimitView } from '../common/rate-limit.dto.js';
import { HasAtLeast, IsEnvSlug, IsFlatRecord, IsHttpUrl, IsOmittable, IsRequestType, IsTag } from '../common/validators.js';

/** A connector-supplied variable; the value may hold secret references, kept verbatim. */
export class ConnectionVariableInput {
  @Matches(VARIABLE_KEY_PATTERN, { message: '$property must be 1-128 letters, digits or "_"' })
  key!: string;

  @MaxLength(8192)
  @IsString()
  value!: string;
}

/** Credentials for one of the app's auth schemes; values may hold secret references, kept verbatim. */
export class ConnectionAuthInput {
  @IsTag()
  auth_tag!: string;

  @IsFlatRecord()
  data!: Record<string, string | number | boolean>;
}

/**
 * How one product env reaches the app. `slug` (seed 000) and `product_env_slug` (seed 002)
 * name the same thing; `app_env_slug` defaults to it.
 */
export class ConnectionEnvInput {
  @IsOmittable()
  @IsEnvSlug()
  slug?: string;

  @IsOmittable()
  @IsEnvSlug()
  product_env_slug?: string;

  @IsOmittable()
  @IsEnvSlug()
  app_env_slug?: string;

  // Overrides the app env's base URL (a proxy, a local fake). null removes a stored override, so runs use the app env's
  // again; left out, an update keeps the stored one.
  @IsOptional()
  @IsHttpUrl()
  base_url?: string | null;

  @IsOmittable()
  @IsRequestType()
  request_type?: RequestType;

  @IsOmittable()
  @IsBoolean()
  active?: boolean;

  @IsOmittable()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ConnectionVariableInput)
  @IsArray()
  variables?: ConnectionVariableInput[];

  @IsOmittable()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ConnectionAuthInput)
  @IsArray()
  auth?: ConnectionAuthInput[];

  // The request limit of this env's credentials, in place of the app's (a sandbox key's, a plan's, a tighter share).
  // null removes a stored one, so the app's applies again; left out, an update keeps the stored one.
  @IsOptional()
  @ValidateNested()
  @Type(() => RateLimitInput)
  @IsObject()
  rate_limit?: RateLimitInput | null;
}

/** Body of `POST /v1/products/:product/connect`. */
export class ConnectAppBody {
  @IsTag()
  app!: string;
}

/** Body of `POST /v1/products/:product/connections`; without `app`, the access tag names the app. */
export class AddConnectionBody {
  @IsTag()
  access_tag!: string;

  @IsOmittable()
  @IsTag()
  app?: string;

  @HasAtLeast(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ConnectionEnvInput)
  @IsArray()
  envs!: ConnectionEnvInput[];
}

/** Body of `PATCH /v1/products/:product/connections/:access_tag`: the listed envs are replaced, others kept. */
export class UpdateConnectionBody {
  @HasAtLeast(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ConnectionEnvInput)
  @IsArray()
  envs!: ConnectionEnvInput[];
}

export interface ConnectionEnvView {
  slug: string;
  product_env_slug: string;
  app_env_slug: string;
  base_url: string | null;
  request_type: RequestType | null;
  active: boolean;
  variables: { key: string; value: string }[];
  auth: { auth_tag: string; data: Record<string, string | number | boolean> }[];
  /** This env's own rate limit, or null where the app's (if any) applies. */
  rate_limit: RateLimitView | null;
}

/** A connected app as the connection service stores it. */
export interface ConnectionView {
  access_tag: string;
  app: string;
  product: string;
  envs: ConnectionEnvView[];
  created_at: string;
  updated_at: string;
}

/** A connected app as the gateway returns it: the connection plus its app's name. */
export interface ConnectedAppView extends ConnectionView {
  app_name: string;
}

/** Reply of `connection.app.connect`: the app's tag, or the tag with the first free `-N` suffix. */
export interface AccessTagReply {
  access_tag: string;
}

/** Kept separate from validation so the env key is computed one way everywhere. */
export function productEnvSlugOf(env: Pick<ConnectionEnvInput, 'slug' | 'product_env_slug'>): string | undefined {
  return env.product_env_slug ?? env.slug;
}

