import { rejectionOf, startFakeStripe, startPlatform, type FakeThirdPartyApi, type Platform } from '@switchboard/testing';
import { SwitchboardError, type Switchboard } from '@switchboard/sdk';
import { switchboardFor } from './switchboard-for.js';

// Issue 10's "done when": the seed 000 Complete Example as written, then its actions.run sample, with Stripe coming
// from the marketplace through connect (no app registered by hand) and a local Stripe checking what it received.
describe('Connecting a marketplace app (seed 000) through the SDK', () => {
  let platform: Platform;
  let stripe: FakeThirdPartyApi;
  let switchboard: Switchboard;

  beforeAll(async () => {
    stripe = await startFakeStripe(['sk_test_seed000']);
    platform = await startPlatform({ env: { SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1' } });
    switchboard = switchboardFor(platform, await platform.createWorkspace('marketplace-connect'));
  });

  afterAll(async () => {
    await platform?.stop();
    await stripe?.stop();
  });

  it('runs create-charge of the Stripe template connect installed, sending Stripe a form-encoded POST /v1/charges', async () => {
    // The Complete Example, with the local Stripe's URL for api.stripe.com.
    await switchboard.product.init('ecommerce-platform');
    await switchboard.product.app.connect('stripe');
    await switchboard.product.app.add({
      access_tag: 'stripe-payments',
      app: 'stripe',
      envs: [
        { slug: 'prd', base_url: stripe.url, request_type: 'JSON', active: true },
        { slug: 'dev', base_url: stripe.url, request_type: 'JSON', active: true },
      ],
    });
    await switchboard.secrets.create({ key: 'STRIPE_KEY', value: 'sk_test_seed000', scope: ['stripe-payments'] });

    const result = await switchboard.actions.run({
      env: 'prd',
      product: 'ecommerce-platform',
      app: 'stripe-payments',
      event: 'create-charge',
      input: {
        headers: { Authorization: 'Bearer $Token{STRIPE_KEY}' },
        body: {
          amount: 2000,
          currency: 'usd',
        },
      },
    });

    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ object: 'charge', amount: 2000, currency: 'usd', status: 'succeeded' });
    const sent = stripe.received.at(-1);
    expect([sent?.method, sent?.path, sent?.headers['content-type']]).toEqual(['POST', '/v1/charges', 'application/x-www-form-urlencoded']);
    expect(sent?.body).toBe('amount=2000&currency=usd');
  });

  it("refuses an input the template's body schema does not allow, before anything reaches Stripe, and plan reports it", async () => {
    const calls = stripe.received.length;
    const run = {
      env: 'prd',
      product: 'ecommerce-platform',
      app: 'stripe-payments',
      event: 'create-charge',
      input: { headers: { Authorization: 'Bearer $Token{STRIPE_KEY}' }, body: { amount: '20.00', currency: 'usd' } },
    };

    const refused = await rejectionOf(switchboard.actions.run(run), SwitchboardError);
    expect([refused.status, refused.code, refused.message]).toEqual([422, 'input_invalid', 'body.amount must be integer']);
    const plan = await switchboard.actions.plan(run);
    expect(plan.would_run).toBe(false);
    expect(plan.checks).toContainEqual({ check: 'input schema', ok: false, code: 'input_invalid', message: 'body.amount must be integer' });
    expect(stripe.received).toHaveLength(calls);
  });

  it('installs the template once: the connected app is the workspace’s copy, remembering template and version', async () => {
    const app = await switchboard.app.fetch('stripe');
    expect(app).toMatchObject({ tag: 'stripe', name: 'Stripe', template: { tag: 'stripe', update_available: false } });
    expect(app.template?.version).toBe(app.template?.latest_version);
    expect(app.actions.find((action) => action.tag === 'create-charge')).toMatchObject({ method: 'POST', path: '/v1/charges', request_type: 'FORM' });
    await switchboard.product.init('second-product');
    await switchboard.product.app.connect('stripe');
    expect((await switchboard.app.fetchAll()).filter((candidate) => candidate.tag === 'stripe')).toHaveLength(1);
  });

  it('still connects a bare app for a tag no template has', async () => {
    await switchboard.product.init('ecommerce-platform');
    await switchboard.product.app.connect('in-house-ledger');
    expect(await switchboard.app.fetch('in-house-ledger')).toMatchObject({ tag: 'in-house-ledger', actions: [], template: null });
  });
});
