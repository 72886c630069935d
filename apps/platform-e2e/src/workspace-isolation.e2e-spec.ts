import { SwitchboardError, type Switchboard } from '@switchboard/sdk';
import { startPlatform, type Platform } from '@switchboard/testing';
import { switchboardFor } from './switchboard-for.js';

const ENV = { slug: 'prd', base_url: 'https://api.stripe.com', request_type: 'JSON', active: true } as const;

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (error instanceof SwitchboardError) return `${error.status} ${error.code}`;
    throw error;
  }
  return 'succeeded';
}

describe('A workspace never sees or changes another workspace’s data', () => {
  let platform: Platform;
  let alice: Switchboard;
  let bob: Switchboard;

  beforeAll(async () => {
    platform = await startPlatform();
    alice = switchboardFor(platform, await platform.createWorkspace('alice'));
    bob = switchboardFor(platform, await platform.createWorkspace('bob'));
    await alice.product.init('shop');
    await alice.product.app.connect('stripe');
    await alice.product.app.add({ access_tag: 'stripe-payments', app: 'stripe', envs: [ENV] });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('does not list the other workspace’s products or apps', async () => {
    expect(await bob.product.fetchAll()).toEqual([]);
    expect(await bob.app.fetchAll()).toEqual([]);
  });

  it('answers the other workspace’s product, app and connection as not found', async () => {
    expect(await codeOf(bob.product.fetch('shop'))).toBe('404 product_not_found');
    expect(await codeOf(bob.app.fetch('stripe'))).toBe('404 app_not_found');
    await bob.product.init('shop');
    expect(await codeOf(bob.product.app.fetch('stripe-payments'))).toBe('404 connection_not_found');
    expect(await bob.product.app.fetchAll()).toEqual([]);
  });

  it('cannot update the other workspace’s connection, and a same-named product stays separate', async () => {
    await bob.product.init('shop');
    expect(await codeOf(bob.product.app.update('stripe-payments', { envs: [{ ...ENV, base_url: 'https://evil.example' }] }))).toBe(
      '404 connection_not_found',
    );
    await bob.product.app.connect('stripe');
    await bob.product.app.add({ access_tag: 'stripe-payments', app: 'stripe', envs: [{ ...ENV, base_url: 'https://bob.example' }] });

    await alice.product.init('shop');
    const aliceConnection = await alice.product.app.fetch('stripe-payments');
    expect(aliceConnection.envs[0]?.base_url).toBe('https://api.stripe.com');
    expect((await bob.product.app.fetch('stripe-payments')).envs[0]?.base_url).toBe('https://bob.example');
  });
});
