import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  ENV_SLUG_PATTERN,
  ENV_SLUG_RULE,
  REQUEST_TYPES,
  TAG_PATTERN,
  TAG_RULE,
  VARIABLE_KEY_PATTERN,
  type RequestType,
} from '../common/patterns.js';
import { IsFlatRecord, IsHttpUrl } from '../common/validators.js';

/** A connector-supplied variable; the value may hold secret references, kept verbatim. */
export class ConnectionVariableInput {
  @Matches(VARIABLE_KEY_PATTERN, { message: '$property must be 1-128 letters, digits or "_"' })
  key!: string;

  @IsString()
  @MaxLength(8192)
  value!: string;
}

/** Credentials for one of the app's auth schemes; values may hold secret references, kept verbatim. */
export class ConnectionAuthInput {
  @Matches(TAG_PATTERN, { message: `$property ${TAG_RULE}` })
  auth_tag!: string;

  @IsFlatRecord()
  data!: Record<string, string | number | boolean>;
}

/**
 * How one product env reaches the app. `slug` (seed 000) and `product_env_slug` (seed 002)
 * name the same thing; `app_env_slug` defaults to it.
 */
export class ConnectionEnvInput {
  @IsOptional()
  @Matches(ENV_SLUG_PATTERN, { message: `$property ${ENV_SLUG_RULE}` })
  slug?: string;

  @IsOptional()
  @Matches(ENV_SLUG_PATTERN, { message: `$property ${ENV_SLUG_RULE}` })
  product_env_slug?: string;

  @IsOptional()
  @Matches(ENV_SLUG_PATTERN, { message: `$property ${ENV_SLUG_RULE}` })
  app_env_slug?: string;

  @IsOptional()
  @IsHttpUrl()
  base_url?: string;

  @IsOptional()
  @IsIn(REQUEST_TYPES, { message: `$property must be one of ${REQUEST_TYPES.join(', ')}` })
  request_type?: RequestType;

  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ConnectionVariableInput)
  variables?: ConnectionVariableInput[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ConnectionAuthInput)
  auth?: ConnectionAuthInput[];
}

/** Body of `POST /v1/products/:product/connect`. */
export class ConnectAppBody {
  @Matches(TAG_PATTERN, { message: `$property ${TAG_RULE}` })
  app!: string;
}

/** Body of `POST /v1/products/:product/connections`; without `app`, the access tag names the app. */
export class AddConnectionBody {
  @Matches(TAG_PATTERN, { message: `$property ${TAG_RULE}` })
  access_tag!: string;

  @IsOptional()
  @Matches(TAG_PATTERN, { message: `$property ${TAG_RULE}` })
  app?: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ConnectionEnvInput)
  envs!: ConnectionEnvInput[];
}

/** Body of `PATCH /v1/products/:product/connections/:access_tag`: the listed envs are replaced, others kept. */
export class UpdateConnectionBody {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ConnectionEnvInput)
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

/** Reply of `connection.access-tag.suggest`. */
export interface AccessTagReply {
  access_tag: string;
}

/** Kept separate from validation so the env key is computed one way everywhere. */
export function productEnvSlugOf(env: Pick<ConnectionEnvInput, 'slug' | 'product_env_slug'>): string | undefined {
  return env.product_env_slug ?? env.slug;
}

