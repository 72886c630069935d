import {
  ErrorCode,
  productEnvSlugOf,
  type AppView,
  type ConnectionEnvInput,
  type ConnectionEnvView,
  type ProductView,
  type RequestType,
} from '@switchboard/contracts';
import { assertUniqueKeys, DomainError } from '@switchboard/platform';

/** One env of a connection as it will be stored. */
export interface PlannedConnectionEnv {
  productEnvSlug: string;
  appEnvSlug: string;
  baseUrl: string | null;
  requestType: RequestType | null;
  active: boolean;
  variables: ConnectionEnvView['variables'];
  auth: ConnectionEnvView['auth'];
}

/**
 * Checks every requested env against the product's envs and the app's envs, and merges it over
 * what is already stored (fields left out of an update keep their value). Throws before anything
 * is written, so a bad env never leaves a half-updated connection.
 */
export function planConnectionEnvs(
  inputs: readonly ConnectionEnvInput[],
  product: ProductView,
  app: AppView,
  stored: ReadonlyMap<string, PlannedConnectionEnv> = new Map(),
): PlannedConnectionEnv[] {
  inputs.forEach((input, index) => assertSlugGiven(input, index));
  assertUniqueKeys(inputs, productEnvSlugOf, 'envs', 'slug');
  return inputs.map((input, index) => {
    const productEnvSlug = productEnvSlugOf(input) as string;
    if (!product.envs.some((env) => env.slug === productEnvSlug)) {
      const known = product.envs.map((env) => env.slug).join(', ');
      throw new DomainError(ErrorCode.ProductEnvNotFound, `envs.${index}.slug: product '${product.tag}' has no env '${productEnvSlug}' (it has ${known})`, {
        field: `envs.${index}.slug`,
        product: product.tag,
        env: productEnvSlug,
      });
    }
    const previous = stored.get(productEnvSlug);
    const appEnvSlug = input.app_env_slug ?? previous?.appEnvSlug ?? productEnvSlug;
    const appEnv = app.envs.find((env) => env.slug === appEnvSlug);
    const baseUrl = input.base_url ?? previous?.baseUrl ?? null;
    if (!appEnv && baseUrl === null) {
      throw new DomainError(
        ErrorCode.AppEnvNotFound,
        `envs.${index}.app_env_slug: app '${app.tag}' has no env '${appEnvSlug}'; give a base_url or map an env the app has`,
        { field: `envs.${index}.app_env_slug`, app: app.tag, env: appEnvSlug },
      );
    }
    return {
      productEnvSlug,
      appEnvSlug,
      baseUrl,
      requestType: input.request_type ?? previous?.requestType ?? null,
      active: input.active ?? previous?.active ?? appEnv?.active ?? true,
      variables: input.variables?.map(({ key, value }) => ({ key, value })) ?? previous?.variables ?? [],
      auth: input.auth?.map(({ auth_tag, data }) => ({ auth_tag, data: { ...data } })) ?? previous?.auth ?? [],
    };
  });
}

function assertSlugGiven(input: ConnectionEnvInput, index: number): void {
  if (input.slug === undefined && input.product_env_slug === undefined) {
    const message = `envs.${index}.slug is required: name the product env with slug or product_env_slug`;
    throw new DomainError(ErrorCode.ValidationFailed, message, { fields: [{ field: `envs.${index}.slug`, messages: [message] }] });
  }
  if (input.slug !== undefined && input.product_env_slug !== undefined && input.slug !== input.product_env_slug) {
    const message = `envs.${index}.slug '${input.slug}' and envs.${index}.product_env_slug '${input.product_env_slug}' must name the same env`;
    throw new DomainError(ErrorCode.ValidationFailed, message, { fields: [{ field: `envs.${index}.slug`, messages: [message] }] });
  }
}
