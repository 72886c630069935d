import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Switchboard } from '@switchboard/sdk';
import { expectAccessible, REPO_ROOT, type WorkspaceCredentials } from '@switchboard/testing';
import type { Page } from 'playwright-core';
import { installStripeFromMarketplace, integrateIntoProduct, type Screenshot } from './seed-001-steps.js';
import { pickOption, signIn, workbenchTestbed } from './workbench-browser.js';

// `SWITCHBOARD_SCREENSHOTS=1` saves each step of the marketplace run under docs/workbench/ (the README shows them);
// without it the flow runs the same and writes nothing into the tree.
const SCREENSHOT_DIR = process.env.SWITCHBOARD_SCREENSHOTS === '1' ? join(REPO_ROOT, 'docs/workbench') : undefined;

// A whole click-through with an axe scan on each page and dialog: about a minute, but up to 4 on a 2-core machine that
// other test runs load 10 times over. A bound for a stuck page, not a timing assertion.
const FLOW_TIMEOUT_MS = 300_000;

// What seed 001 assumes exists before it starts ("once you have created an App and a Product"): a product with the
// seed's Production and Sandbox envs. The secret is what seed 002 creates under Settings → Secrets.
const PRODUCT = { tag: 'webshop', name: 'Web shop', envs: [{ slug: 'prd', name: 'Production' }, { slug: 'dev', name: 'Sandbox' }] };
const SECRET_KEY = 'STRIPE_KEY';

/**
 * An OpenAPI document whose servers become the app envs `production` and `sandbox` (matched by the product envs'
 * names), with an OAuth2 implicit scheme the import cannot use: the preview warns about it.
 */
const SHIPPING_DOCUMENT = JSON.stringify(
  {
    openapi: '3.1.0',
    info: { title: 'Shipping API', version: '1.0.0' },
    servers: [
      { url: 'https://api.shipping.example.com', description: 'Production' },
      { url: 'https://sandbox.shipping.example.com', description: 'Sandbox' },
    ],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        browser: { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://shipping.example.com/authorize', scopes: {} } } },
      },
    },
    security: [{ bearer: [] }],
    paths: {
      '/labels': {
        post: {
          operationId: 'create-label',
          summary: 'Create a shipping label',
          requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { weight_grams: { type: 'integer' } } } } } },
        },
      },
    },
  },
  null,
  2,
);

interface AddingWay {
  name: string;
  /** The app's tag once added (the access tag suggested for it too), its name and its auth scheme. */
  app: string;
  appName: string;
  scheme: string;
  /** The credential field of that scheme the secret's reference goes into. */
  credential: string;
  /** An action whose input schema the App Overview shows, when the app has any. */
  action: string | undefined;
  /** The app envs the product's Production and Sandbox map to by default. */
  production: string;
  sandbox: string;
  /** Seed 001 step 4 from the Connect App page, ending on the App Overview. */
  addApp: (page: Page, screenshot: Screenshot) => Promise<void>;
}

const WAYS: AddingWay[] = [
  {
    name: 'a new workspace app',
    app: 'billing',
    appName: 'Billing API',
    scheme: 'api-key',
    credential: 'api_key',
    action: undefined,
    production: 'prd',
    sandbox: 'dev',
    addApp: async (page) => {
      await page.getByRole('button', { name: 'Add Workspace App' }).click();
      const modal = page.getByRole('dialog', { name: 'Add Workspace App' });
      await modal.getByText('No apps in this workspace yet').waitFor();
      await expectAccessible(page, 'the Add Workspace App modal');
      await modal.getByRole('button', { name: 'Create a new app' }).click();
      const form = page.getByRole('dialog', { name: 'Create a new app' });
      await form.getByRole('textbox', { name: 'Tag' }).fill('billing');
      await form.getByRole('textbox', { name: 'Name' }).fill('Billing API');
      await form.getByRole('textbox', { name: 'Environment 1 base URL' }).fill('https://billing.example.com');
      await form.getByRole('button', { name: 'Add an environment' }).click();
      await form.getByRole('textbox', { name: 'Environment 2 slug' }).fill('dev');
      await form.getByRole('textbox', { name: 'Environment 2 base URL' }).fill('https://sandbox.billing.example.com');
      await pickOption(page, 'Auth scheme', 'API key in the X-API-Key header');
      await expectAccessible(page, 'the create-app form');
      await form.getByRole('button', { name: 'Create app' }).click();
    },
  },
  {
    name: 'an imported API document',
    app: 'shipping',
    appName: 'Shipping API',
    scheme: 'bearer',
    credential: 'token',
    action: 'create-label',
    production: 'production',
    sandbox: 'sandbox',
    addApp: async (page) => {
      await page.getByRole('button', { name: 'Import App' }).click();
      const modal = page.getByRole('dialog', { name: 'Import App Docs' });
      await modal.getByRole('tab', { name: 'Paste text' }).click();
      await modal.getByRole('textbox', { name: 'Document text' }).fill(SHIPPING_DOCUMENT);
      await expectAccessible(page, 'the Import App Docs modal');
      await modal.getByRole('button', { name: 'Preview' }).click();
      const warnings = modal.getByRole('list', { name: 'Warnings (1)' }).getByRole('listitem');
      await warnings.waitFor();
      expect(await warnings.textContent()).toContain('unsupported_security');
      await modal.getByRole('table', { name: 'Actions (1)' }).getByRole('row', { name: /POST \/labels/ }).waitFor();
      await expectAccessible(page, 'the import preview with its warning');
      await modal.getByRole('textbox', { name: 'Tag' }).fill('shipping');
      await modal.getByRole('button', { name: 'Create app' }).click();
    },
  },
  {
    name: 'the marketplace',
    app: 'stripe',
    appName: 'Stripe',
    scheme: 'secret-key',
    credential: 'token',
    action: 'create-charge',
    production: 'prd',
    sandbox: 'dev',
    addApp: async (page, screenshot) => {
      await page.getByRole('link', { name: 'Add from Marketplace' }).click();
      await installStripeFromMarketplace(page, screenshot);
    },
  },
];

describe('Seed 001 in the browser: connecting an app to a product, once per way of adding it', () => {
  const testbed = workbenchTestbed();

  it.each(WAYS)('adds $name from the product, integrates it with Production → Production and Sandbox → Sandbox, and finds it in Connected Apps', async (way) => {
    const credentials = await testbed.platform.createWorkspace(`seed-001-${way.app}`);
    const switchboard = new Switchboard({ ...credentials, url: testbed.platform.url });
    await switchboard.product.init(PRODUCT.tag, { name: PRODUCT.name, envs: PRODUCT.envs });
    await switchboard.secrets.create({ key: SECRET_KEY, value: 'sk_test_seed001' });
    const { context, page } = await testbed.browser.open();
    try {
      await connectThroughTheWorkbench(page, way, credentials, screenshotsOf(page, credentials, way === WAYS[2]));
    } finally {
      await context.close();
    }

    const connection = await switchboard.product.appsOf(PRODUCT.tag).fetch(way.app);
    expect(connection.envs.map((env) => [env.product_env_slug, env.app_env_slug, env.auth])).toEqual([
      ['prd', way.production, [{ auth_tag: way.scheme, data: { [way.credential]: `$Token{${SECRET_KEY}}` } }]],
      ['dev', way.sandbox, []],
    ]);
  }, FLOW_TIMEOUT_MS);
});

/** Seed 001 steps 1 to 7 as a user clicks them, with axe on every page and dialog on the way. */
async function connectThroughTheWorkbench(page: Page, way: AddingWay, credentials: WorkspaceCredentials, screenshot: Screenshot): Promise<void> {
  // Step 1: the workspace, then the product's overview.
  await signIn(page, credentials);
  await page.getByRole('table', { name: 'Products' }).getByRole('link', { name: PRODUCT.tag }).waitFor();
  await expectAccessible(page, 'the workspace page');
  await screenshot('01-workspace');
  await page.getByRole('table', { name: 'Products' }).getByRole('link', { name: PRODUCT.tag }).click();
  await page.getByRole('heading', { name: PRODUCT.name, level: 1 }).waitFor();
  const sidebar = page.getByRole('complementary', { name: 'Product sidebar' });
  await sidebar.getByText('No apps connected yet').waitFor();
  await expectAccessible(page, 'the Product Overview');
  await screenshot('02-product-overview');

  // Steps 2 to 4: Quick Actions → Connect App, one of the three ways, and the App Overview.
  await page.getByRole('region', { name: 'Quick Actions' }).getByRole('link', { name: 'Connect App' }).click();
  await page.getByRole('heading', { name: 'Connect App', level: 1 }).waitFor();
  await expectAccessible(page, 'the Connect App page');
  await screenshot('03-connect-app');
  await way.addApp(page, screenshot);
  await page.waitForURL((url) => url.pathname === `/apps/${way.app}`);
  await page.getByRole('heading', { level: 1, name: way.appName }).waitFor();
  const envs = page.getByRole('table', { name: 'Environments' });
  await envs.getByRole('row', { name: new RegExp(`^${way.production} `) }).waitFor();
  await envs.getByRole('row', { name: new RegExp(`^${way.sandbox} `) }).waitFor();
  await page.getByRole('table', { name: 'Auth schemes' }).getByRole('row', { name: new RegExp(`^${way.scheme} `) }).waitFor();
  if (way.action === undefined) {
    await page.getByRole('region', { name: 'Actions' }).getByText('This app has no actions yet').waitFor();
  } else {
    // The action's row opens to its input schemas, fetched then.
    await page.getByRole('button', { name: new RegExp(way.action) }).click();
    await page.getByRole('figure', { name: `Body schema of ${way.action}` }).waitFor();
  }
  await expectAccessible(page, `the App Overview of ${way.app}`);
  await screenshot('05-app-overview');

  // Steps 5 to 7: Integrate with the env mapping matched by default, the access tag the API suggests and the secret's
  // reference picked into auth; after the success modal and Refresh, the app is in Connected Apps.
  const connected = await integrateIntoProduct(
    page,
    {
      product: PRODUCT,
      appName: way.appName,
      accessTag: way.app,
      production: way.production,
      sandbox: way.sandbox,
      fillSettings: async (integrate) => {
        const productionSettings = integrate.getByRole('group', { name: 'Production (prd)' });
        await productionSettings.getByRole('button', { name: `Insert a secret into ${way.credential}` }).click();
        await page.getByRole('menuitem', { name: SECRET_KEY }).click();
        // Mantine unmounts the closed menu a moment after its fade ends: a scan before that caught the dropdown half closed.
        await page.getByRole('menu').waitFor({ state: 'hidden' });
        expect(await productionSettings.getByRole('textbox', { name: way.credential }).inputValue()).toBe(`$Token{${SECRET_KEY}}`);
      },
    },
    screenshot,
  );

  // The connection's own page shows the mapping and the reference as written.
  await connected.click();
  await page.getByRole('heading', { name: way.app, level: 1 }).waitFor();
  await page.getByRole('region', { name: `Production → ${way.production}` }).getByRole('cell', { name: `$Token{${SECRET_KEY}}` }).waitFor();
  await page.getByRole('region', { name: `Sandbox → ${way.sandbox}` }).waitFor();
  await expectAccessible(page, 'the connection page');
  await screenshot('10-connection');
}

/**
 * Saves the page at 1280x800 as `docs/workbench/<name>.png` when `saving` (and SWITCHBOARD_SCREENSHOTS=1), the
 * workspace id in the header masked: it changes on every run.
 */
function screenshotsOf(page: Page, credentials: WorkspaceCredentials, saving: boolean): Screenshot {
  return async (name) => {
    if (!saving || SCREENSHOT_DIR === undefined) return;
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), mask: [page.getByRole('banner').getByText(credentials.workspace_id)], maskColor: '#e9ecef' });
  };
}
