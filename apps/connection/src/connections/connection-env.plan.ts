import {
  ErrorCode,
  productEnvSlugOf,
  rateLimitViewOf,
  type AppView,
  type ConnectionEnvInput,
  type ConnectionEnvView,
  type ProductView,
  type RateLimitView,
  type RequestType,
} from '@switchboard/contracts';
import { assertUniqueKeys, fieldFailure } from '@switchboard/platform';

/** One env of a connection as it will be stored. */
export interface PlannedConnectionEnv {
  productEnvSlug: string;
  appEnvSlug: string;
  baseUrl: string | null;
  requestType: RequestType | null;
  active: boolean;
  variables: ConnectionEnvView['variables'];
  auth: ConnectionEnvView['auth'];
  rateLimit: RateLimitView | null;
}

/**
 * Checks every requested env against the product's envs and the app's envs, and merges it over
 * what is already stored (fields left out of an update keep their value; `base_url: null` and
 * `rate_limit: null` remove the override). Throws before anything is written, so a bad env never leaves a half-updated connection.
 */
export function planConnectionEnvs(
  inputs: readonly ConnectionEnvInput[],
  product: ProductView,
  app: AppView,
  stored: ReadonlyMap<string, PlannedConnectionEnv> = new Map(),
): PlannedConnectionEnv[] {
  inputs.forEach((input, index) => assertSlugGiven(input, index));
  assertUniqueKeys(inputs, productEnvSlugOf, 'envs', slugFieldOf);
  return inputs.map((input, index) => {
    const productEnvSlug = productEnvSlugOf(input) as string;
    if (!product.envs.some((env) => env.slug === productEnvSlug)) {
      const known = product.envs.map((env) => env.slug).join(', ');
      const field = `envs.${index}.${slugFieldOf(input)}`;
      throw fieldFailure(field, `${field}: product '${product.tag}' has no env '${productEnvSlug}' (it has ${known})`, ErrorCode.ProductEnvNotFound, {
        product: product.tag,
        env: productEnvSlug,
      });
    }
    assertUniqueKeys(input.variables ?? [], (variable) => variable.key, `envs.${index}.variables`, 'key');
    assertUniqueKeys(input.auth ?? [], (auth) => auth.auth_tag, `envs.${index}.auth`, 'auth_tag');
    const previous = stored.get(productEnvSlug);
    const appEnvSlug = input.app_env_slug ?? previous?.appEnvSlug ?? productEnvSlug;
    const appEnv = app.envs.find((env) => env.slug === appEnvSlug);
    const baseUrl = input.base_url === null ? null : (input.base_url ?? previous?.baseUrl ?? null);
    // A named app env must exist; an implied one may be stood in for by a base_url.
    if (!appEnv && (input.app_env_slug !== undefined || baseUrl === null)) {
      const field = `envs.${index}.app_env_slug`;
      const hint = input.app_env_slug !== undefined ? '' : '; give a base_url or map an env the app has';
      throw fieldFailure(field, `${field}: app '${app.tag}' has no env '${appEnvSlug}'${hint}`, ErrorCode.AppEnvNotFound, { app: app.tag, env: appEnvSlug });
    }
    return {
      productEnvSlug,
      appEnvSlug,
      baseUrl,
      requestType: input.request_type ?? previous?.requestType ?? null,
      active: input.active ?? previous?.active ?? appEnv?.active ?? true,
      variables: input.variables?.map(({ key, value }) => ({ key, value })) ?? previous?.variables ?? [],
      auth: input.auth?.map(({ auth_tag, data }) => ({ auth_tag, data: { ...data } })) ?? previous?.auth ?? [],
      rateLimit: rateLimitOf(input.rate_limit, previous?.rateLimit ?? null),
    };
  });
}

function rateLimitOf(given: ConnectionEnvInput['rate_limit'], stored: RateLimitView | null): RateLimitView | null {
  if (given === undefined) return stored;
  return given === null ? null : rateLimitViewOf(given);
}

// The name the caller gave the product env under: errors about it name that field.
function slugFieldOf(input: ConnectionEnvInput): 'slug' | 'product_env_slug' {
  return input.product_env_slug === undefined ? 'slug' : 'product_env_slug';
}

function assertSlugGiven(input: ConnectionEnvInput, index: number): void {
  const field = `envs.${index}.slug`;
  if (input.slug === undefined && input.product_env_slug === undefined) {
    throw fieldFailure(field, `${field} is required: name the product env with slug or product_env_slug`);
  }
  if (input.slug !== undefined && input.product_env_slug !== undefined && input.slug !== input.product_env_slug) {
    throw fieldFailure(field, `${field} '${input.slug}' and envs.${index}.product_env_slug '${input.product_env_slug}' must name the same env`);
  }
}
