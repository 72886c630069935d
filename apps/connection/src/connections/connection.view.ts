import type { ConnectionView } from '@switchboard/contracts';
import type { ConnectionEntity } from './connection.entity.js';

/** The wire form of a connection, envs in declaration order. */
export function toConnectionView(connection: ConnectionEntity): ConnectionView {
  return {
    access_tag: connection.accessTag,
    app: connection.appTag,
    product: connection.productTag,
    envs: [...(connection.envs ?? [])]
      .sort((a, b) => a.position - b.position)
      .map((env) => ({
        slug: env.productEnvSlug,
        product_env_slug: env.productEnvSlug,
        app_env_slug: env.appEnvSlug,
        base_url: env.baseUrl,
        request_type: env.requestType,
        active: env.active,
        variables: env.variables,
        auth: env.auth,
        rate_limit: env.rateLimit ?? null,
      })),
    created_at: connection.createdAt.toISOString(),
    updated_at: connection.updatedAt.toISOString(),
  };
}
