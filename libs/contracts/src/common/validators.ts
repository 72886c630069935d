import { ArrayMinSize, IsDefined, IsIn, Matches, registerDecorator, ValidateIf, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { ENV_SLUG_PATTERN, ENV_SLUG_RULE, REQUEST_TYPES, SECRET_KEY_PATTERN, SECRET_KEY_RULE, SECRET_VALUE_MAX_BYTES, TAG_PATTERN, TAG_RULE } from './patterns.js';

/**
 * A field the caller may leave out. Unlike class-validator's IsOptional, `null` is not leaving it out: it is checked
 * like any other value, so it is refused (`<field> must not be null`) instead of reaching a NOT NULL column.
 */
export function IsOmittable(): PropertyDecorator {
  const checkedUnlessLeftOut = ValidateIf(isGiven);
  // class-validator checks IsDefined before any other rule, so a null gets this message whatever the field's type.
  const notNull = IsDefined({ message: '$property must not be null' });
  return (target: object, propertyName: string | symbol) => {
    checkedUnlessLeftOut(target, propertyName);
    notNull(target, propertyName);
  };
}

/**
 * The condition of {@link IsOmittable}: a field is checked unless it is left out. One function, so that compiled
 * validators can recognise the rule by identity.
 */
export function isGiven(_object: object, value: unknown): boolean {
  return value !== undefined;
}

/** A list of at least `min` items, said in a sentence (class-validator's own reads "at least 1 elements"). */
export function HasAtLeast(min: number, options?: ValidationOptions): PropertyDecorator {
  return ArrayMinSize(min, { message: `$property must contain at least ${min} ${min === 1 ? 'element' : 'elements'}`, ...options });
}

/** Accepts only absolute `http:` or `https:` URLs with a host and no embedded credentials. */
export function IsHttpUrl(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isHttpUrl',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be an absolute http(s) URL', ...options },
      validator: {
        validate: isAbsoluteHttpUrl,
      },
    });
  };
}

/** The check behind {@link IsHttpUrl}, for validators that accept a URL only in some cases. */
export function isAbsoluteHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 2048) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

const FLAT_RECORD_MAX_KEYS = 50;
const FLAT_RECORD_KEY = /^[A-Za-z0-9_.-]{1,128}$/;
const FLAT_RECORD_MAX_STRING = 8192;

/**
 * Accepts a flat object of at most 50 keys (letters, digits, `_`, `.`, `-`) whose values are
 * strings of at most 8 KiB, numbers or booleans: the shape of auth credentials.
 */
export function IsFlatRecord(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isFlatRecord',
      target: target.constructor,
      propertyName: String(propertyName),
      // The limits, for compiled validators to read; the check below uses the same constants.
      constraints: [FLAT_RECORD_MAX_KEYS, FLAT_RECORD_KEY, FLAT_RECORD_MAX_STRING],
      options: {
        message: `$property must be an object of at most ${FLAT_RECORD_MAX_KEYS} keys (letters, digits, "_", ".", "-") with string (at most ${FLAT_RECORD_MAX_STRING} characters), number or boolean values`,
        ...options,
      },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length <= FLAT_RECORD_MAX_KEYS &&
            entries.every(([key, item]) => FLAT_RECORD_KEY.test(key) && isFlatValue(item))
          );
        },
      },
    });
  };
}

function isFlatValue(value: unknown): boolean {
  if (typeof value === 'string') return value.length <= FLAT_RECORD_MAX_STRING;
  return typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/** A tag naming an app, product, action, auth scheme or connection. */
export function IsTag(options?: ValidationOptions): PropertyDecorator {
  return Matches(TAG_PATTERN, { message: `$property ${TAG_RULE}`, ...options });
}

/** An env slug (`dev`, `stg`, `prd`, …). */
export function IsEnvSlug(options?: ValidationOptions): PropertyDecorator {
  return Matches(ENV_SLUG_PATTERN, { message: `$property ${ENV_SLUG_RULE}`, ...options });
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}$/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what a header value must not hold
const HEADER_VALUE_FORBIDDEN = /[\r\n\u0000]/;
const HEADER_RECORD_MAX_HEADERS = 100;
const HEADER_VALUE_MAX_LENGTH = 8192;

/** One HTTP header name: token characters only, at most 256 of them. */
export function IsHeaderName(options?: ValidationOptions): PropertyDecorator {
  return Matches(HEADER_NAME, { message: '$property must be an HTTP header name (letters, digits and !#$%&\'*+.^_`|~-, at most 256)', ...options });
}

/** HTTP headers: at most 100 names of token characters, each with a string value of at most 8 KiB and no line break. */
export function IsHeaderRecord(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isHeaderRecord',
      target: target.constructor,
      propertyName: String(propertyName),
      // The limits, for compiled validators to read; the check below uses the same constants.
      constraints: [HEADER_RECORD_MAX_HEADERS, HEADER_NAME, HEADER_VALUE_MAX_LENGTH, HEADER_VALUE_FORBIDDEN],
      options: { message: '$property must map header names to string values (no line breaks, at most 8 KiB each, at most 100 headers)', ...options },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length <= HEADER_RECORD_MAX_HEADERS &&
            entries.every(
              ([name, item]) => HEADER_NAME.test(name) && typeof item === 'string' && item.length <= HEADER_VALUE_MAX_LENGTH && !HEADER_VALUE_FORBIDDEN.test(item),
            )
          );
        },
      },
    });
  };
}

/** A secret key: letters, digits and `_`, case-sensitive. */
export function IsSecretKey(options?: ValidationOptions): PropertyDecorator {
  return Matches(SECRET_KEY_PATTERN, { message: `$property ${SECRET_KEY_RULE}`, ...options });
}

/** One of the request encodings an app env or action may use. */
export function IsRequestType(options?: ValidationOptions): PropertyDecorator {
  return IsIn(REQUEST_TYPES, { message: `$property must be one of ${REQUEST_TYPES.join(', ')}`, ...options });
}

/** A secret value: a non-empty string of at most 64 KiB in UTF-8. */
export function IsSecretValue(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isSecretValue',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property must be a non-empty string of at most ${SECRET_VALUE_MAX_BYTES / 1024} KiB`, ...options },
      validator: {
        validate: (value: unknown): boolean =>
          typeof value === 'string' && value.length > 0 && Buffer.byteLength(value, 'utf8') <= SECRET_VALUE_MAX_BYTES,
      },
    });
  };
}

/** A value that reads the same in a URL path or query string whatever its type. */
export type UrlValue = string | number | boolean;

function isUrlValue(value: unknown): value is UrlValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * An object whose values are strings, numbers or booleans, or with `lists` also arrays of them (a query key given
 * several times): anything else would reach the URL as `[object Object]`. The message names the first bad key.
 */
export function IsUrlValueRecord(lists: boolean, options?: ValidationOptions): PropertyDecorator {
  const rule = lists ? 'a string, number, boolean or an array of them' : 'a string, number or boolean';
  const allowed = (item: unknown): boolean => isUrlValue(item) || (lists && Array.isArray(item) && item.every(isUrlValue));
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isUrlValueRecord',
      target: target.constructor,
      propertyName: String(propertyName),
      // Whether arrays are allowed, for compiled validators to read.
      constraints: [lists],
      options: {
        message: ({ property, value }: ValidationArguments) => {
          const record: unknown = value;
          if (typeof record !== 'object' || record === null || Array.isArray(record)) return `${property} must be an object whose values are each ${rule}`;
          const bad = Object.entries(record).find(([, item]) => !allowed(item));
          return `${property}.${bad?.[0] ?? ''} must be ${rule}`;
        },
        ...options,
      },
      validator: {
        validate: (value: unknown): boolean =>
          typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(allowed),
      },
    });
  };
}
