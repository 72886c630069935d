// What row (c) needs in the platform, created through the gateway's REST API like a user would: an app whose `ping`
// action POSTs to the bench upstream, a product connected to it, and the API key as a workspace secret.
import type { LoadTarget } from './load-generator.js';
import type { WorkspaceCredentials } from './bench-platform.js';

export const SECRET_KEY = 'BENCH_KEY';
/** The app row (c) runs (and every tenant of the caches section). */
export const APP_TAG = 'bench_upstream';
/** The access tag of row (c)'s connection. */
export const ACCESS_TAG = 'upstream';
/** The product row (c) runs in, and the webhook rows receive for. */
export const PRODUCT = 'bench';

/** A JSON request's headers with the workspace's credentials. */
export function authHeaders(credentials: WorkspaceCredentials): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-switchboard-workspace-id': credentials.workspace_id,
    'x-switchboard-user-id': credentials.user_id,
    authorization: `Bearer ${credentials.private_key}`,
  };
}

/** One REST call with the workspace's credentials; throws on any answer but a 2xx. */
export async function call(gatewayUrl: string, credentials: WorkspaceCredentials, method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: object): Promise<unknown> {
  const response = await fetch(`${gatewayUrl}${path}`, { method, headers: authHeaders(credentials), body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** Creates the app, product, connection and secret that {@link actionRunTarget} runs. */
export async function createRunFixtures(gatewayUrl: string, credentials: WorkspaceCredentials, upstreamUrl: string, apiKey: string): Promise<void> {
  await call(gatewayUrl, credentials, 'POST', '/v1/apps', {
    tag: APP_TAG,
    envs: [{ slug: 'prd', base_url: upstreamUrl, request_type: 'JSON' }],
    actions: [{ tag: 'ping', method: 'POST', path: '/ping' }],
  });
  await call(gatewayUrl, credentials, 'PUT', `/v1/products/${PRODUCT}`, {});
  await call(gatewayUrl, credentials, 'POST', `/v1/products/${PRODUCT}/connections`, { access_tag: ACCESS_TAG, app: APP_TAG, envs: [{ slug: 'prd' }] });
  await call(gatewayUrl, credentials, 'POST', '/v1/secrets', { key: SECRET_KEY, value: apiKey });
}

/** POST /v1/actions/run of the `ping` action, its API-key header a `$Token{}` reference; `extraHeaders` go to the upstream too. */
export function actionRunTarget(gatewayUrl: string, credentials: WorkspaceCredentials, extraHeaders: Record<string, string> = {}): LoadTarget {
  return {
    url: `${gatewayUrl}/v1/actions/run`,
    method: 'POST',
    headers: authHeaders(credentials),
    body: JSON.stringify({
      env: 'prd',
      product: PRODUCT,
      app: ACCESS_TAG,
      event: 'ping',
      input: { headers: { 'x-api-key': `$Token{${SECRET_KEY}}`, ...extraHeaders }, body: { n: 1 } },
    }),
    // A 200 from the gateway only says the run finished: the upstream must have answered 200 with its JSON too.
    check: (text) => {
      const reply = JSON.parse(text) as { status?: unknown; body?: { ok?: unknown } };
      return reply.status === 200 && reply.body?.ok === true ? undefined : `the run answered ${text.slice(0, 300)}`;
    },
  };
}
