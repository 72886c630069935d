/** Tags name apps, products, actions and connections: letters, digits, `_` and `-`. */
export const TAG_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const TAG_RULE = 'must be 1-64 letters, digits, "_" or "-", starting with a letter or digit';

/** Env slugs (`dev`, `stg`, `prd`, …). */
export const ENV_SLUG_PATTERN = /^[a-z0-9][a-z0-9_-]{0,31}$/;
export const ENV_SLUG_RULE = 'must be 1-32 lowercase letters, digits, "_" or "-"';

/** Secret keys: case-sensitive, unique per workspace. */
export const SECRET_KEY_PATTERN = /^[A-Za-z0-9_]{1,128}$/;

export const SECRET_KEY_RULE = 'must be 1-128 letters, digits or "_" (case-sensitive)';

/** Largest secret value accepted, in bytes of UTF-8. */
export const SECRET_VALUE_MAX_BYTES = 64 * 1024;

/** Variable keys, like secret keys. */
export const VARIABLE_KEY_PATTERN = /^[A-Za-z0-9_]{1,128}$/;

export const REQUEST_TYPES = ['JSON', 'XML', 'FORM', 'MULTIPART', 'TEXT'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Product envs every new product gets unless the caller names its own. */
export const DEFAULT_PRODUCT_ENVS = [
  { slug: 'dev', name: 'Development' },
  { slug: 'stg', name: 'Staging' },
  { slug: 'prd', name: 'Production' },
] as const;

/** Deepest nesting of objects and arrays a request field may hold (`input`, `body`, …); deeper values are refused. */
export const NESTING_MAX_DEPTH = 64;
