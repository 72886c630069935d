import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { isAbsoluteHttpUrl } from '../common/validators.js';

/** Auth scheme types that get their credential from an OAuth2 token endpoint rather than from the connection as is. */
export const OAUTH2_SCHEME_TYPES = ['oauth2_client_credentials', 'oauth2_refresh_token'] as const;
export type OAuth2SchemeType = (typeof OAUTH2_SCHEME_TYPES)[number];

/** Every auth scheme type an app may declare. */
export const AUTH_SCHEME_TYPES = ['api_key', 'bearer', 'basic', ...OAUTH2_SCHEME_TYPES] as const;
export type AuthSchemeType = (typeof AUTH_SCHEME_TYPES)[number];

/** How an OAuth2 client proves who it is to the token endpoint (RFC 6749 §2.3.1): form fields, or HTTP basic. */
export const OAUTH2_CLIENT_AUTH_METHODS = ['body', 'basic'] as const;
export type OAuth2ClientAuthMethod = (typeof OAUTH2_CLIENT_AUTH_METHODS)[number];

/** One OAuth2 scope: RFC 6749 §3.3 scope-token characters (no space, `"` or `\`), at most 256 of them. */
export const OAUTH2_SCOPE_PATTERN = /^[\x21\x23-\x5B\x5D-\x7E]{1,256}$/;

const OAUTH2_TYPES_TEXT = OAUTH2_SCHEME_TYPES.join(' and ');

function isOAuth2SchemeType(type: unknown): boolean {
  return (OAUTH2_SCHEME_TYPES as readonly unknown[]).includes(type);
}

function schemeTypeOf(args: ValidationArguments): unknown {
  return (args.object as { type?: unknown }).type;
}

// With an unknown type there is nothing to say about the other fields: the type's own check reports the mistake.
function hasKnownType(args: ValidationArguments): boolean {
  return (AUTH_SCHEME_TYPES as readonly unknown[]).includes(schemeTypeOf(args));
}

/**
 * The token endpoint of an OAuth2 scheme: required, and an absolute http(s) URL without credentials, for OAuth2
 * types; refused for every other type, where it would be silently ignored. One decorator, so the message says which
 * of the three went wrong.
 */
export function IsOAuth2TokenUrl(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isOAuth2TokenUrl',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: (args: ValidationArguments) => {
          if (!isOAuth2SchemeType(schemeTypeOf(args))) return `$property is only allowed for auth schemes of type ${OAUTH2_TYPES_TEXT}`;
          if (args.value === undefined || args.value === null) return `$property is required for auth schemes of type ${OAUTH2_TYPES_TEXT}`;
          return '$property must be an absolute http(s) URL without credentials';
        },
        ...options,
      },
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          if (!hasKnownType(args)) return true;
          if (!isOAuth2SchemeType(schemeTypeOf(args))) return value === undefined;
          return isAbsoluteHttpUrl(value);
        },
      },
    });
  };
}

/** A setting that only OAuth2 schemes read: refused on other types rather than stored and ignored. */
export function IsOnlyForOAuth2Schemes(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isOnlyForOAuth2Schemes',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property is only allowed for auth schemes of type ${OAUTH2_TYPES_TEXT}`, ...options },
      validator: {
        validate: (value: unknown, args: ValidationArguments): boolean => value === undefined || !hasKnownType(args) || isOAuth2SchemeType(schemeTypeOf(args)),
      },
    });
  };
}
