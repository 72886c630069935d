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
