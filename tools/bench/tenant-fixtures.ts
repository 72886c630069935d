// The many-tenants row's workspaces: each with the app, product and connections of row (c) and its own BENCH_KEY
// secret. Catalog and connection rows are inserted with SQL into those services' own tables (tens of thousands
// through REST would take minutes); the secrets, which the vault encrypts under its master key, go through the
// vault's own `secrets.secret.create` over NATS.
import type { NatsConnection } from '@nats-io/transport-node';
import { Subjects } from '@switchboard/contracts';
import { withPostgresClient } from '@switchboard/local-infra';
import { APP_TAG, PRODUCT, SECRET_KEY } from './bench-fixtures.js';
import { requestService } from './service-requests.js';

const SECRET_CREATES_IN_FLIGHT = 32;
const BENCH_USER = 'bench';

export interface TenantFixtures {
  workspaceIds: string[];
  /** The access tags each workspace has connected, the same in every one. */
  accessTags: string[];
}

/** The id of the `index`-th tenant workspace. */
export function tenantWorkspaceId(index: number): string {
  return `bench-tenant-${String(index).padStart(6, '0')}`;
}

/** Creates `tenants` workspaces × `connectionsEach` connections to the bench upstream, each workspace with its secret. */
export async function createTenantFixtures(
  options: { databaseUrl: string; nats: NatsConnection; upstreamUrl: string; apiKey: string; tenants: number; connectionsEach: number },
  signal: AbortSignal,
): Promise<TenantFixtures> {
  const { tenants, connectionsEach } = options;
  const workspaceIds = Array.from({ length: tenants }, (_, index) => tenantWorkspaceId(index));
  const accessTags = Array.from({ length: connectionsEach }, (_, index) => `tenant_connection_${index}`);
  await withPostgresClient(options.databaseUrl, async (client) => {
    await client.query('BEGIN');
    // The same rows the catalog and connection services write for row (c)'s REST calls (their entities and migrations).
    await client.query(
      `INSERT INTO catalog.apps (workspace_id, tag, name) SELECT workspace_id, $2, $2 FROM unnest($1::text[]) AS workspace_id`,
      [workspaceIds, APP_TAG],
    );
    await client.query(
      `INSERT INTO catalog.app_envs (workspace_id, app_id, slug, base_url, request_type, position)
       SELECT workspace_id, id, 'prd', $2, 'JSON', 0 FROM catalog.apps WHERE tag = $3 AND workspace_id = ANY($1::text[])`,
      [workspaceIds, options.upstreamUrl, APP_TAG],
    );
    await client.query(
      `INSERT INTO catalog.actions (workspace_id, app_id, tag, method, path, position)
       SELECT workspace_id, id, 'ping', 'POST', '/ping', 0 FROM catalog.apps WHERE tag = $2 AND workspace_id = ANY($1::text[])`,
      [workspaceIds, APP_TAG],
    );
    await client.query(`INSERT INTO catalog.products (workspace_id, tag, name) SELECT workspace_id, $2, $2 FROM unnest($1::text[]) AS workspace_id`, [
      workspaceIds,
      PRODUCT,
    ]);
    await client.query(
      `INSERT INTO catalog.product_envs (workspace_id, product_id, slug, name, position)
       SELECT workspace_id, id, 'prd', 'prd', 0 FROM catalog.products WHERE tag = $2 AND workspace_id = ANY($1::text[])`,
      [workspaceIds, PRODUCT],
    );
    await client.query(
      `INSERT INTO connection.connections (workspace_id, product_tag, access_tag, app_tag)
       SELECT workspace_id, $3, access_tag, $4 FROM unnest($1::text[]) AS workspace_id CROSS JOIN unnest($2::text[]) AS access_tag`,
      [workspaceIds, accessTags, PRODUCT, APP_TAG],
    );
    await client.query(
      `INSERT INTO connection.connection_envs (workspace_id, connection_id, product_env_slug, app_env_slug, active, position)
       SELECT workspace_id, id, 'prd', 'prd', true, 0 FROM connection.connections WHERE product_tag = $2 AND workspace_id = ANY($1::text[])`,
      [workspaceIds, PRODUCT],
    );
    await client.query('COMMIT');
  });
  let next = 0;
  const createSecrets = async (): Promise<void> => {
    while (next < workspaceIds.length) {
      signal.throwIfAborted();
      const workspaceId = workspaceIds[next++];
      await requestService(options.nats, Subjects.SecretsSecretCreate, {
        workspace_id: workspaceId,
        user_id: BENCH_USER,
        secret: { key: SECRET_KEY, value: options.apiKey },
      });
    }
  };
  await Promise.all(Array.from({ length: SECRET_CREATES_IN_FLIGHT }, createSecrets));
  return { workspaceIds, accessTags };
}
