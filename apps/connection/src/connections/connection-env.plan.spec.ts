import { ErrorCode, type AppView, type ProductView } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { planConnectionEnvs, type PlannedConnectionEnv } from './connection-env.plan.js';
import { thrownBy } from '@switchboard/testing';

const product: ProductView = {
  tag: 'shop',
  name: 'Shop',
  description: '',
  envs: [
    { slug: 'dev', name: 'Development', active: true },
    { slug: 'prd', name: 'Production', active: true },
  ],
  created_at: '',
  updated_at: '',
};
const app: AppView = {
  tag: 'stripe',
  name: 'Stripe',
  description: '',
  envs: [{ slug: 'live', base_url: 'https://api.stripe.com', request_type: 'JSON', active: false, timeouts: { connect_ms: null, headers_ms: null, body_ms: null } }],
  actions: [],
  auth: [],
  rate_limit: null,
  template: null,
  created_at: '',
  updated_at: '',
};


const failureOf = (run: () => unknown): DomainError => thrownBy(run, DomainError);

describe('planConnectionEnvs', () => {
  it('maps a seed-000 env onto the same app env slug and keeps its overrides', () => {
    const [env] = planConnectionEnvs([{ slug: 'prd', base_url: 'https://api.stripe.com', request_type: 'JSON', active: true }], product, app);
    expect(env).toEqual({
      productEnvSlug: 'prd',
      appEnvSlug: 'prd',
      baseUrl: 'https://api.stripe.com',
      requestType: 'JSON',
      active: true,
      variables: [],
      auth: [],
      rateLimit: null,
    });
  });

  it('maps a seed-002 env to a named app env and stores variables and auth verbatim', () => {
    const [env] = planConnectionEnvs(
      [
        {
          app_env_slug: 'live',
          product_env_slug: 'prd',
          variables: [{ key: 'SENDGRID_KEY', value: '$Token{SENDGRID_API_KEY}' }],
          auth: [{ auth_tag: 'api_key_auth', data: { api_key: '$Token{STRIPE_API_KEY}' } }],
        },
      ],
      product,
      app,
    );
    expect(env?.appEnvSlug).toBe('live');
    expect(env?.baseUrl).toBeNull();
    expect(env?.active).toBe(false);
    expect(env?.variables).toEqual([{ key: 'SENDGRID_KEY', value: '$Token{SENDGRID_API_KEY}' }]);
    expect(env?.auth).toEqual([{ auth_tag: 'api_key_auth', data: { api_key: '$Token{STRIPE_API_KEY}' } }]);
  });

  it('refuses an env slug the product does not have, naming the envs it has', () => {
    const error = failureOf(() => planConnectionEnvs([{ slug: 'qa', base_url: 'https://a.example' }], product, app));
    expect(error.code).toBe(ErrorCode.ProductEnvNotFound);
    expect(error.message).toBe("envs.0.slug: product 'shop' has no env 'qa' (it has dev, prd)");
  });

  it('refuses an app env the app lacks when no base_url stands in for it', () => {
    const error = failureOf(() => planConnectionEnvs([{ slug: 'prd' }], product, app));
    expect(error.code).toBe(ErrorCode.AppEnvNotFound);
    expect(error.details).toMatchObject({ fields: [{ field: 'envs.0.app_env_slug' }], env: 'prd' });
  });

  it('names product_env_slug, not slug, when that is the field the caller sent', () => {
    const error = failureOf(() => planConnectionEnvs([{ product_env_slug: 'nope', base_url: 'https://a.example' }], product, app));
    expect(error.message).toBe("envs.0.product_env_slug: product 'shop' has no env 'nope' (it has dev, prd)");
    expect(error.details).toMatchObject({ fields: [{ field: 'envs.0.product_env_slug' }] });
  });

  it('refuses an env without slug or product_env_slug', () => {
    const error = failureOf(() => planConnectionEnvs([{ base_url: 'https://a.example' }], product, app));
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.message).toContain('envs.0.slug is required');
  });

  it('refuses slug and product_env_slug that disagree', () => {
    const error = failureOf(() => planConnectionEnvs([{ slug: 'dev', product_env_slug: 'prd', base_url: 'https://a.example' }], product, app));
    expect(error.code).toBe(ErrorCode.ValidationFailed);
  });

  it('refuses the same product env listed twice, naming the field the second was given under', () => {
    const error = failureOf(() =>
      planConnectionEnvs([{ slug: 'prd', base_url: 'https://a.example' }, { product_env_slug: 'prd', base_url: 'https://b.example' }], product, app),
    );
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.message).toBe("envs.1.product_env_slug 'prd' is already listed at envs.0");
  });

  it('keeps stored fields an update leaves out', () => {
    const stored: PlannedConnectionEnv = {
      productEnvSlug: 'prd',
      appEnvSlug: 'prd',
      baseUrl: 'https://api.stripe.com',
      requestType: 'JSON',
      active: true,
      variables: [{ key: 'REGION', value: 'us' }],
      auth: [{ auth_tag: 'bearer', data: { token: '$Token{STRIPE_KEY}' } }],
      rateLimit: { requests: 10, per: 'second', burst: 1, max_wait_ms: 1000 },
    };
    const [env] = planConnectionEnvs([{ slug: 'prd', base_url: 'https://api.stripe.com/v2' }], product, app, new Map([['prd', stored]]));
    expect(env).toEqual({ ...stored, baseUrl: 'https://api.stripe.com/v2' });
  });

  it('removes a stored base URL override given base_url: null, so the app env of the mapping applies again', () => {
    const stored: PlannedConnectionEnv = { productEnvSlug: 'prd', appEnvSlug: 'live', baseUrl: 'http://127.0.0.1:8080', requestType: null, active: true, variables: [], auth: [], rateLimit: null };
    const [env] = planConnectionEnvs([{ slug: 'prd', base_url: null }], product, app, new Map([['prd', stored]]));
    expect(env).toEqual({ ...stored, baseUrl: null });
  });

  it("stores an env's own rate limit with its defaults filled in, keeps it when an update leaves it out, and removes it given null", () => {
    const [limited] = planConnectionEnvs([{ slug: 'prd', base_url: 'https://a.example', rate_limit: { requests: 5, per: 'minute' } }], product, app);
    expect(limited?.rateLimit).toEqual({ requests: 5, per: 'minute', burst: 1, max_wait_ms: 1000 });
    const stored = new Map([['prd', limited]]);
    expect(planConnectionEnvs([{ slug: 'prd', active: false }], product, app, stored)[0]?.rateLimit).toEqual(limited?.rateLimit);
    expect(planConnectionEnvs([{ slug: 'prd', rate_limit: { requests: 9, per: 'second', burst: 3, max_wait_ms: 0 } }], product, app, stored)[0]?.rateLimit).toEqual({
      requests: 9,
      per: 'second',
      burst: 3,
      max_wait_ms: 0,
    });
    expect(planConnectionEnvs([{ slug: 'prd', rate_limit: null }], product, app, stored)[0]?.rateLimit).toBeNull();
  });

  it('refuses to remove the base URL an env stands on when the app has no env of its mapping', () => {
    const stored: PlannedConnectionEnv = { productEnvSlug: 'prd', appEnvSlug: 'prd', baseUrl: 'https://api.stripe.com', requestType: null, active: true, variables: [], auth: [], rateLimit: null };
    const error = failureOf(() => planConnectionEnvs([{ slug: 'prd', base_url: null }], product, app, new Map([['prd', stored]])));
    expect([error.code, error.message]).toEqual([ErrorCode.AppEnvNotFound, "envs.0.app_env_slug: app 'stripe' has no env 'prd'; give a base_url or map an env the app has"]);
  });
});

describe('planConnectionEnvs with repeated or misnamed entries', () => {
  it('refuses a variable key listed twice in one env', () => {
    const error = failureOf(() =>
      planConnectionEnvs(
        [{ slug: 'prd', base_url: 'https://a.example', variables: [{ key: 'REGION', value: 'us' }, { key: 'REGION', value: 'eu' }] }],
        product,
        app,
      ),
    );
    expect(error.message).toBe("envs.0.variables.1.key 'REGION' is already listed at envs.0.variables.0");
  });

  it('refuses an auth scheme listed twice in one env', () => {
    const error = failureOf(() =>
      planConnectionEnvs(
        [{ slug: 'prd', base_url: 'https://a.example', auth: [{ auth_tag: 'bearer', data: {} }, { auth_tag: 'bearer', data: {} }] }],
        product,
        app,
      ),
    );
    expect(error.message).toBe("envs.0.auth.1.auth_tag 'bearer' is already listed at envs.0.auth.0");
  });

  it('refuses an app env named explicitly that the app lacks, even with a base_url', () => {
    const error = failureOf(() => planConnectionEnvs([{ slug: 'prd', app_env_slug: 'sandbox', base_url: 'https://a.example' }], product, app));
    expect([error.code, error.message]).toEqual([ErrorCode.AppEnvNotFound, "envs.0.app_env_slug: app 'stripe' has no env 'sandbox'"]);
  });
});
