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
  ENV_SLUG_PATTERN,
  ENV_SLUG_RULE,
  HTTP_METHODS,
  REQUEST_TYPES,
  TAG_PATTERN,
  TAG_RULE,
  type HttpMethod,
  type RequestType,
} from '../common/patterns.js';
import { IsHttpUrl } from '../common/validators.js';

const REQUEST_TYPE_RULE = `$property must be one of ${REQUEST_TYPES.join(', ')}`;

/** One environment of an app: where its API lives and how requests are encoded. */
export class AppEnvInput {
  @Matches(ENV_SLUG_PATTERN, { message: `$property ${ENV_SLUG_RULE}` })
  slug!: string;

  @IsHttpUrl()
  base_url!: string;

  @IsIn(REQUEST_TYPES, { message: REQUEST_TYPE_RULE })
  request_type!: RequestType;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** One callable operation of an app; `path` may hold `:params`. */
export class ActionInput {
  @Matches(TAG_PATTERN, { message: `$property ${TAG_RULE}` })
  tag!: string;

  @IsIn(HTTP_METHODS, { message: `$property must be one of ${HTTP_METHODS.join(', ')}` })
  method!: HttpMethod;

  @Matches(/^\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/, { message: '$property must be a URL path starting with "/"' })
  @MaxLength(1024)
  path!: string;

  @IsOptional()
  @IsIn(REQUEST_TYPES, { message: REQUEST_TYPE_RULE })
  request_type?: RequestType;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

/** Body of `POST /v1/apps`: registers a workspace app. */
export class CreateAppBody {
  @Matches(TAG_PATTERN, { message: `$property ${TAG_RULE}` })
  tag!: string;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AppEnvInput)
  envs?: AppEnvInput[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ActionInput)
  actions?: ActionInput[];
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
  created_at: string;
  updated_at: string;
}
