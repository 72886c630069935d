import type { App, ConnectedApp, Product, SwitchboardOptions, Webhook } from '../src/index.js';

/** A product as the gateway returns it. */
export function productReply(tag: string): Product {
  return {
    tag,
    name: tag,
    description: '',
    envs: [
      { slug: 'dev', name: 'Development', active: true },
      { slug: 'prd', name: 'Production', active: true },
    ],
    created_at: '2025-01-01T00:00:00.000Z',
    updated_at: '2025-01-01T00:00:00.000Z',
  };
}

/** A catalog app as the gateway returns it. */
export function appReply(tag: string): App {
  return {
    tag,
    name: tag,
    description: '',
    envs: [{ slug: 'prd', base_url: 'https://api.stripe.com', request_type: 'JSON', active: true, timeouts: { connect_ms: null, headers_ms: null, body_ms: null } }],
    actions: [{ tag: 'create-charge', method: 'POST', path: '/v1/charges', request_type: null, summary: '', has_schema: false }],
    auth: [],
    rate_limit: null,
    template: null,
    created_at: '2025-01-01T00:00:00.000Z',
    updated_at: '2025-01-01T00:00:00.000Z',
  };
}

/** A connected app as the gateway returns it. */
export function connectedAppReply(product: string, accessTag: string, app = 'stripe'): ConnectedApp {
  return {
    access_tag: accessTag,
    app,
    app_name: 'Stripe',
    product,
    envs: [
      {
        slug: 'prd',
        product_env_slug: 'prd',
        app_env_slug: 'prd',
        base_url: 'https://api.stripe.com',
        rate_limit: null,
        request_type: 'JSON',
        active: true,
        variables: [],
        auth: [],
      },
    ],
    created_at: '2025-01-01T00:00:00.000Z',
    updated_at: '2025-01-01T00:00:00.000Z',
  };
}

/** A webhook as the gateway returns it, receiving in prd. */
export function webhookReply(product: string, tag: string): Webhook {
  return {
    tag,
    name: 'GitHub Webhook',
    product,
    scheme: 'github',
    app: null,
    signing_secret: '$Token{GITHUB_WEBHOOK_SECRET}',
    envs: [{ env: 'prd', receive_id: 'whk_0123456789abcdefghijABCD', receive_url: 'https://api.example.com/hooks/whk_0123456789abcdefghijABCD' }],
    forward_url: null,
    tolerance_seconds: 300,
    hmac: null,
    delivery: { state: 'healthy', failing_since: null, disabled_at: null, reason: null, held_events: 0 },
    created_at: '2025-01-01T00:00:00.000Z',
    updated_at: '2025-01-01T00:00:00.000Z',
  };
}

/** Options of a client pointed at a fake gateway, with credentials the specs can recognise. */
export function optionsFor(url: string): SwitchboardOptions {
  return { workspace_id: 'ws-123', user_id: 'user-456', private_key: 'sk_test_private', url };
}
