import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  HTTP_METHODS,
  type HttpMethod,
  type RequestType,
} from '../common/patterns.js';
import { IsEnvSlug, IsHttpUrl, IsRequestType, IsTag } from '../common/validators.js';

/** One environment of an app: where its API lives and how requests are encoded. */
export class AppEnvInput {
  @IsEnvSlug()
  slug!: string;

  @IsHttpUrl()
  base_url!: string;

  @IsRequestType()
  request_type!: RequestType;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
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

  @IsOptional()
  @IsRequestType()
  request_type?: RequestType;

  @IsOptional()
  @MaxLength(2000)
  @IsString()
  description?: string;
}

export const AUTH_SCHEME_TYPES = ['api_key', 'bearer', 'basic'] as const;
export type AuthSchemeType = (typeof AUTH_SCHEME_TYPES)[number];

/**
 * How the app authenticates a request. A connection's auth entry names the scheme by `tag` and
 * carries its credentials: `api_key` for api_key, `token` for bearer, `username`/`password` for basic.
 */
export class AuthSchemeInput {
  @IsTag()
  tag!: string;

  @IsIn(AUTH_SCHEME_TYPES, { message: `$property must be one of ${AUTH_SCHEME_TYPES.join(', ')}` })
  type!: AuthSchemeType;

  /** api_key only: where the key goes (default header). */
  @IsOptional()
  @IsIn(['header', 'query'], { message: '$property must be header or query' })
  in?: 'header' | 'query';

  /** api_key only: the header or query parameter name (default X-API-Key / api_key). */
  @IsOptional()
  @Matches(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$/, { message: '$property must be a header or query parameter name' })
  name?: string;
}

/** Body of `POST /v1/apps`: registers a workspace app. */
export class CreateAppBody {
  @IsTag()
  tag!: string;

  @IsOptional()
  @Length(1, 200)
  @IsString()
  name?: string;

  @IsOptional()
  @MaxLength(2000)
  @IsString()
  description?: string;

  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AppEnvInput)
  @IsArray()
  envs?: AppEnvInput[];

  @IsOptional()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ActionInput)
  @IsArray()
  actions?: ActionInput[];

  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => AuthSchemeInput)
  @IsArray()
  auth?: AuthSchemeInput[];
}

export interface AuthSchemeView {
  tag: string;
  type: AuthSchemeType;
  in: 'header' | 'query';
  name: string | null;
}

export interface AppEnvView {
  slug: string;
  base_url: string;
  request_type: RequestType;
  active: boolean;
}

export interface ActionView {
  tag: string;
  method: HttpMethod;
  path: string;
  request_type: RequestType | null;
  description: string;
}

export interface AppView {
  tag: string;
  name: string;
  description: string;
  envs: AppEnvView[];
  actions: ActionView[];
  auth: AuthSchemeView[];
  created_at: string;
  updated_at: string;
}
