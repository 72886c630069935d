import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsString, Length, registerDecorator, ValidateNested, type ValidationOptions } from 'class-validator';
import { HTTP_METHODS, type HttpMethod } from '../common/patterns.js';
import { IsOmittable, IsSecretKey } from '../common/validators.js';
import { WorkspaceScopedRequest } from '../common/workspace-scoped.request.js';

/** Longest URL `integrations.fetch` accepts, before and after substitution. */
export const FETCH_URL_MAX_LENGTH = 8192;

const FETCH_HEADERS_MAX = 100;
export const FETCH_HEADER_VALUE_MAX_LENGTH = 8192;
// RFC 9110 field names are tokens.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// What fetch() accepts in a header value: tab, visible ASCII and Latin-1 bytes; CR, LF and NUL would split or break it.
const HEADER_VALUE = /^[\t\x20-\x7E\x80-\xFF]*$/;
// A URL may start with a reference standing for its scheme and host, e.g. `$(secret:API_URL)/orders`.
const FETCH_URL_START = /^(https?:\/\/|\$\(secret:|\$Token\{|\$Secret\{)/i;

/**
 * A URL that is absolute http(s), or starts with a secret reference that stands for its beginning. The exact
 * check happens after substitution, in the executor, where the values are known.
 */
function IsFetchUrl(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isFetchUrl',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be an absolute http(s) URL (secret references may stand for any part of it)', ...options },
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && value.length <= FETCH_URL_MAX_LENGTH && FETCH_URL_START.test(value),
      },
    });
  };
}

/** Request headers: at most 100 names (HTTP tokens) with string values on one line. */
function IsHeaderRecord(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isHeaderRecord',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `$property must be an object of at most ${FETCH_HEADERS_MAX} header names with string values (at most ${FETCH_HEADER_VALUE_MAX_LENGTH} Latin-1 characters, no line breaks)`,
        ...options,
      },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return entries.length <= FETCH_HEADERS_MAX && entries.every(([name, item]) => HEADER_NAME.test(name) && isSendableHeaderValue(item));
        },
      },
    });
  };
}

/** Whether a header value can be sent as it is: at most 8192 Latin-1 characters on one line. */
export function isSendableHeaderValue(value: unknown): value is string {
  return typeof value === 'string' && value.length <= FETCH_HEADER_VALUE_MAX_LENGTH && HEADER_VALUE.test(value);
}

/** A fetch body: text sent as it is, or a JSON object or array. */
function IsFetchBody(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isFetchBody',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be a string or a JSON object or array', ...options },
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' || (typeof value === 'object' && value !== null),
      },
    });
  };
}

/**
 * Body of `POST /v1/integrations/fetch`: one HTTP request to make on the caller's behalf. `$(secret:KEY)` and
 * `$Token{KEY}` references in the URL, header values and body are replaced with the caller's secrets first.
 */
export class IntegrationFetchBody {
  @IsFetchUrl()
  url!: string;

  /** GET without a body, POST with one. */
  @IsOmittable()
  @IsIn(HTTP_METHODS, { message: `$property must be one of ${HTTP_METHODS.join(', ')}` })
  method?: HttpMethod;

  @IsOmittable()
  @IsHeaderRecord()
  headers?: Record<string, string>;

  /** A string is sent as it is; an object or array as JSON (with `content-type: application/json` unless set). */
  @IsOmittable()
  @IsFetchBody()
  body?: string | object;
}

/** `actions.integration.fetch`: an `integrations.fetch` made for one user of a workspace. */
export class IntegrationFetchRequest extends WorkspaceScopedRequest {
  @Length(1, 128)
  @IsString()
  user_id!: string;

  @ValidateNested()
  @Type(() => IntegrationFetchBody)
  request!: IntegrationFetchBody;
}

/** What the upstream answered, whatever its status; the body as it arrived, in base64. */
export interface IntegrationFetchReply {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body_base64: string;
}

/**
 * `secrets.integration-fetch-reference.resolve`: the values of the secrets an `integrations.fetch` references, from the
 * caller's own secrets first, then the workspace's secrets that are neither scoped to apps nor limited to envs.
 */
export class ResolveIntegrationFetchReferencesRequest extends WorkspaceScopedRequest {
  @Length(1, 128)
  @IsString()
  user_id!: string;

  @ArrayMaxSize(100)
  @IsSecretKey({ each: true })
  @IsArray()
  keys!: string[];
}

/** Reply of `secrets.integration-fetch-reference.resolve`: every requested key with its value. */
export interface ResolvedIntegrationFetchSecretsReply {
  secrets: Record<string, string>;
}
