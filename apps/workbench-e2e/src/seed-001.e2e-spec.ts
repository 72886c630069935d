import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Switchboard, type CreateAppInput } from '@switchboard/sdk';
import { expectAccessible, REPO_ROOT, type WorkspaceCredentials } from '@switchboard/testing';
import type { Page } from 'playwright-core';
import { signIn, workbenchTestbed } from './workbench-browser.js';

// `SWITCHBOARD_SCREENSHOTS=1` saves each step of the marketplace run under docs/workbench/ (the README shows them);
// without it the flow runs the same and writes nothing into the tree.
const SCREENSHOT_DIR = process.env.SWITCHBOARD_SCREENSHOTS === '1' ? join(REPO_ROOT, 'docs/workbench') : undefined;

// A whole click-through with an axe scan on each page took 80-110 s on a 2-core machine shared by other test runs.
const FLOW_TIMEOUT_MS = 180_000;

const PRODUCT = { tag: 'webshop', name: 'Web shop', envs: [{ slug: 'prd', name: 'Production' }, { slug: 'dev', name: 'Sandbox' }] };

/** A workspace app made in code, whose envs carry the product's slugs. */
const BILLING_APP: CreateAppInput = {
  tag: 'billing',
  name: 'Billing API',
  description: 'Invoices for the web shop',
  envs: [
    { slug: 'prd', base_url: 'https://billing.example.com', request_type: 'JSON' },
    { slug: 'dev', base_url: 'https://sandbox.billing.example.com', request_type: 'JSON' },
  ],
  auth: [{ tag: 'api-key', type: 'api_key', in: 'header', name: 'X-Api-Key' }],
  actions: [
    {
      tag: 'create-invoice',
      method: 'POST',
      path: '/invoices',
      summary: 'Create an invoice',
      schema: { body: { type: 'object', properties: { amount: { type: 'integer' } }, required: ['amount'] } },
    },
  ],
};

/** An OpenAPI document whose servers become the app envs `production` and `sandbox`, matched by the product envs' names. */
const SHIPPING_DOCUMENT = JSON.stringify({
  openapi: '3.1.0',
  info: { title: 'Shipping API', version: '1.0.0' },
  servers: [
    { url: 'https://api.shipping.example.com', description: 'Production' },
    { url: 'https://sandbox.shipping.example.com', description: 'Sandbox' },
  ],
  components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  security: [{ bearer: [] }],
  paths: { '/labels': { post: { operationId: 'create-label', summary: 'Create a shipping label', requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { weight_grams: { type: 'integer' } } } } } } } } },
});

interface AddingWay {
  name: string;
  /** The app's tag once added, and its env that the product's Production maps to. */
  app: string;
  appName: string;
  /** An action whose input schema the App Overview shows. */
  action: string;
  production: string;
  sandbox: string;
  /** The credential field the secret goes into. */
  credential: string;
  /** Sets up what the way needs, then brings the browser to the App Overview page. */
  addApp: (page: Page, switchboard: Switchboard, screenshot: Screenshot) => Promise<void>;
}

type Screenshot = (page: Page, name: string) => Promise<void>;

const WAYS: AddingWay[] = [
  {
    name: 'a workspace app',
    app: 'billing',
    appName: 'Billing API',
    action: 'create-invoice',
    production: 'prd',
    sandbox: 'dev',
    credential: 'api_key',
    addApp: async (page, switchboard) => {
      await switchboard.app.create(BILLING_APP);
      await page.reload();
      await page.getByRole('table', { name: 'Apps' }).getByRole('link', { name: 'billing' }).click();
    },
  },
  {
    name: 'an imported API document',
    app: 'shipping',
    appName: 'Shipping API',
    action: 'create-label',
    production: 'production',
    sandbox: 'sandbox',
    credential: 'token',
    addApp: async (page, switchboard) => {
      await switchboard.app.import.commit(SHIPPING_DOCUMENT, { tag: 'shipping' });
      await page.goto('/apps/shipping');
    },
  },
  {
    name: 'the marketplace',
    app: 'stripe',
    appName: 'Stripe',
    action: 'create-charge',
    production: 'prd',
    sandbox: 'dev',
    credential: 'token',
    addApp: async (page, switchboard) => {
      await switchboard.marketplace.install('stripe');
      await page.goto('/apps/stripe');
    },
  },
];

describe('Seed 001 in the browser: connecting an app to a product, once per way of adding it', () => {
  const testbed = workbenchTestbed();

  it.each(WAYS)('integrates $name with Production → Production and Sandbox → Sandbox', async (way) => {
    const credentials = await testbed.platform.createWorkspace(`seed-001-${way.app}`);
    const switchboard = new Switchboard({ ...credentials, url: testbed.platform.url });
    await switchboard.product.init(PRODUCT.tag, { name: PRODUCT.name, envs: PRODUCT.envs });
    await switchboard.secrets.create({ key: 'STRIPE_KEY', value: 'sk_test_seed001' });
    const screenshot = screenshotsFor(way === WAYS[2]);
    const { context, page } = await testbed.browser.open();
    try {
      await integrateThroughTheWorkbench(page, switchboard, way, screenshot, credentials);
    } finally {
      await context.close();
    }
  }, FLOW_TIMEOUT_MS);
});

/** Seed 001 steps 1 to 7 as a user clicks them, then what the API holds afterwards. */
async function integrateThroughTheWorkbench(page: Page, switchboard: Switchboard, way: AddingWay, screenshot: Screenshot, credentials: WorkspaceCredentials): Promise<void> {
  await signIn(page, credentials);
  await screenshot(page, '01-workspace');

  await way.addApp(page, switchboard, screenshot);
  await page.getByRole('heading', { level: 1, name: way.appName }).waitFor();
  // The action's row opens to its input schemas, fetched then.
  await page.getByRole('button', { name: new RegExp(way.action) }).click();
  await page.getByRole('figure', { name: `Body schema of ${way.action}` }).waitFor();
  await expectAccessible(page, `the App Overview of ${way.app}`);
  await screenshot(page, '05-app-overview');

  // Step 5: Integrate, which product, Next.
  await page.getByRole('button', { name: 'Integrate' }).click();
  const integrate = page.getByRole('dialog', { name: /^Integrate/ });
  await integrate.getByRole('combobox', { name: 'Product' }).selectOption(PRODUCT.tag);
  await expectAccessible(page, 'the Integrate modal, product step');
  await screenshot(page, '06-integrate-product');
  await integrate.getByRole('button', { name: 'Next' }).click();

  // Step 6: the env mapping, matched by default; the access tag the API suggests; the secret's reference into auth.
  const production = integrate.getByRole('combobox', { name: 'App environment for Production' });
  const sandbox = integrate.getByRole('combobox', { name: 'App environment for Sandbox' });
  await production.waitFor();
  expect([await production.inputValue(), await sandbox.inputValue()]).toEqual([way.production, way.sandbox]);
  expect(await integrate.getByRole('textbox', { name: 'Access tag' }).inputValue()).toBe(way.app);
  const productionSettings = integrate.getByRole('group', { name: 'Production (prd)' });
  await productionSettings.getByRole('button', { name: `Insert a secret into ${way.credential}` }).click();
  await page.getByRole('menuitem', { name: 'STRIPE_KEY' }).click();
  expect(await productionSettings.getByRole('textbox', { name: way.credential }).inputValue()).toBe('$Token{STRIPE_KEY}');
  await expectAccessible(page, 'the Integrate modal, env mapping step');
  await screenshot(page, '07-env-mapping');
  await integrate.getByRole('button', { name: 'Finish' }).click();

  // Step 7: the success modal; closing it leads to the product.
  const success = page.getByRole('dialog', { name: 'App integrated' });
  await success.waitFor();
  await expectAccessible(page, 'the success modal');
  await screenshot(page, '08-integrated');
  await success.getByRole('button', { name: 'Close', exact: true }).click();
  await page.waitForURL(`**/products/${PRODUCT.tag}`);

  const connection = await switchboard.product.appsOf(PRODUCT.tag).fetch(way.app);
  expect(connection.envs.map((env) => [env.product_env_slug, env.app_env_slug])).toEqual([
    ['prd', way.production],
    ['dev', way.sandbox],
  ]);
  const schemeTag = (await switchboard.app.fetch(way.app)).auth[0]?.tag;
  expect(connection.envs[0]?.auth).toEqual([{ auth_tag: schemeTag, data: { [way.credential]: '$Token{STRIPE_KEY}' } }]);

  // The connection's own page shows the mapping and the reference as written.
  await page.goto(`/products/${PRODUCT.tag}/connections/${way.app}`);
  const productionEnv = page.getByRole('region', { name: `Production → ${way.production}` });
  await productionEnv.getByRole('cell', { name: '$Token{STRIPE_KEY}' }).waitFor();
  await page.getByRole('region', { name: `Sandbox → ${way.sandbox}` }).waitFor();
  await expectAccessible(page, 'the connection page');
  await screenshot(page, '09-connection');
}

function screenshotsFor(saving: boolean): Screenshot {
  return async (page, name) => {
    if (!saving || SCREENSHOT_DIR === undefined) return;
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
  };
}
