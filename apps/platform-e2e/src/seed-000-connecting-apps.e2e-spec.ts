import { Switchboard } from '@switchboard/sdk';
import { startPlatform, type Platform, type WorkspaceCredentials } from '@switchboard/testing';

// The seed 000 samples, run as written: only the import, the class name and the credentials differ.
describe('Connecting apps to products (seed 000) through the SDK', () => {
  let platform: Platform;
  let credentials: WorkspaceCredentials;

  beforeAll(async () => {
    platform = await startPlatform();
    credentials = await platform.createWorkspace('seed-000');
  });

  afterAll(async () => {
    await platform?.stop();
  });

  function newClient(): Switchboard {
    return new Switchboard({
      workspace_id: credentials.workspace_id,
      user_id: credentials.user_id,
      private_key: credentials.private_key,
      url: platform.url,
    });
  }

  it('runs the Complete Example and lists every connected app with its envs', async () => {
    const printed: string[] = [];
    const log = (line: string): void => void printed.push(line);

    async function setupProductApps(): Promise<void> {
      const switchboard = newClient();
      await switchboard.product.init('ecommerce-platform');
      // Connect payment provider
      await switchboard.product.app.connect('stripe');
      await switchboard.product.app.add({
        access_tag: 'stripe-payments',
        app: 'stripe',
        envs: [
          { slug: 'prd', base_url: 'https://api.stripe.com', request_type: 'JSON', active: true },
          { slug: 'dev', base_url: 'https://api.stripe.com', request_type: 'JSON', active: true },
        ],
      });
      // Connect email service
      await switchboard.product.app.connect('sendgrid');
      await switchboard.product.app.add({
        access_tag: 'sendgrid-email',
        app: 'sendgrid',
        envs: [
          { slug: 'prd', base_url: 'https://api.sendgrid.com', request_type: 'JSON', active: true },
          { slug: 'dev', base_url: 'https://api.sendgrid.com', request_type: 'JSON', active: true },
        ],
      });
      // Connect SMS service
      await switchboard.product.app.connect('twilio');
      await switchboard.product.app.add({
        access_tag: 'twilio-sms',
        app: 'twilio',
        envs: [{ slug: 'prd', base_url: 'https://api.twilio.com', request_type: 'JSON', active: true }],
      });
      log('All apps connected!');
    }
    await setupProductApps();

    const switchboard = newClient();
    await switchboard.product.init('ecommerce-platform');
    const apps = await switchboard.product.app.fetchAll();
    apps.forEach((app) => {
      log(`${app.access_tag} (${app.app})`);
      log(`Environments: ${app.envs.map((e) => e.slug).join(', ')}`);
    });
    expect(printed).toEqual([
      'All apps connected!',
      'stripe-payments (stripe)',
      'Environments: prd, dev',
      'sendgrid-email (sendgrid)',
      'Environments: prd, dev',
      'twilio-sms (twilio)',
      'Environments: prd',
    ]);
  });

  it('connects an app no one registered yet and returns an access tag', async () => {
    const switchboard = newClient();
    await switchboard.product.init('my-product');
    const access = await switchboard.product.app.connect('stripe');
    expect(access).toBe('stripe');
  });

  it('proposes the next free access tag once the first is taken', async () => {
    const switchboard = newClient();
    await switchboard.product.init('my-product');
    await switchboard.product.app.add({
      access_tag: 'stripe',
      app: 'stripe',
      envs: [{ slug: 'prd', base_url: 'https://api.stripe.com', request_type: 'JSON', active: true }],
    });
    expect(await switchboard.product.app.connect('stripe')).toBe('stripe-2');
  });

  it('fetches one connected app with its configuration and app name', async () => {
    const switchboard = newClient();
    await switchboard.product.init('ecommerce-platform');
    const app = await switchboard.product.app.fetch('stripe-payments');
    expect(app).toMatchObject({
      access_tag: 'stripe-payments',
      app: 'stripe',
      app_name: 'Stripe',
      product: 'ecommerce-platform',
      envs: [
        { slug: 'prd', base_url: 'https://api.stripe.com', request_type: 'JSON', active: true },
        { slug: 'dev', base_url: 'https://api.stripe.com', request_type: 'JSON', active: true },
      ],
    });
  });

  it('updates the prd base URL and keeps the dev env untouched', async () => {
    const switchboard = newClient();
    await switchboard.product.init('ecommerce-platform');
    await switchboard.product.app.update('stripe-payments', {
      envs: [{ slug: 'prd', base_url: 'https://api.stripe.com/v2', request_type: 'JSON', active: true }],
    });
    const app = await switchboard.product.app.fetch('stripe-payments');
    expect(app.envs.map((env) => [env.slug, env.base_url])).toEqual([
      ['prd', 'https://api.stripe.com/v2'],
      ['dev', 'https://api.stripe.com'],
    ]);
  });

  it('connects the same app twice under different access tags (Multiple Instances)', async () => {
    const switchboard = newClient();
    await switchboard.product.init('global-shop');
    // US Stripe account
    await switchboard.product.app.connect('stripe');
    await switchboard.product.app.add({
      access_tag: 'stripe-us',
      app: 'stripe',
      envs: [{ slug: 'prd', base_url: 'https://api.stripe.com', request_type: 'JSON', active: true }],
    });
    // EU Stripe account
    await switchboard.product.app.connect('stripe');
    await switchboard.product.app.add({
      access_tag: 'stripe-eu',
      app: 'stripe',
      envs: [{ slug: 'prd', base_url: 'https://eu.api.stripe.com', request_type: 'JSON', active: true }],
    });
    const apps = await switchboard.product.app.fetchAll();
    expect(apps.map((app) => [app.access_tag, app.app])).toEqual([
      ['stripe-us', 'stripe'],
      ['stripe-eu', 'stripe'],
    ]);
  });

  it('stores seed-002 style variables and auth with secret references verbatim through product.apps.add', async () => {
    const switchboard = newClient();
    await switchboard.app.create({
      tag: 'email_service',
      name: 'Email service',
      envs: [{ slug: 'prd', base_url: 'https://api.sendgrid.com', request_type: 'JSON' }],
    });
    await switchboard.product.init('my_product');
    await switchboard.product.apps.add({
      access_tag: 'email_service',
      envs: [
        {
          app_env_slug: 'prd',
          product_env_slug: 'prd',
          variables: [
            { key: 'SENDGRID_KEY', value: '$Token{SENDGRID_API_KEY}' },
            { key: 'FROM_EMAIL', value: 'noreply@example.com' },
          ],
          auth: [],
        },
      ],
    });
    const app = await switchboard.product.apps.fetch('email_service');
    expect(app.app_name).toBe('Email service');
    expect(app.envs[0]?.variables).toEqual([
      { key: 'SENDGRID_KEY', value: '$Token{SENDGRID_API_KEY}' },
      { key: 'FROM_EMAIL', value: 'noreply@example.com' },
    ]);
  });

  it('lets product.init run twice without an error', async () => {
    const switchboard = newClient();
    const first = await switchboard.product.init('ecommerce-platform');
    const second = await switchboard.product.init('ecommerce-platform');
    expect(second).toEqual(first);
    expect(first.envs.map((env) => env.slug)).toEqual(['dev', 'stg', 'prd']);
  });
});
