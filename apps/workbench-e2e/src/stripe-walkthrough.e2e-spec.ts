import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Switchboard } from '@switchboard/sdk';
import { expectAccessible, startFakeStripe, type FakeThirdPartyApi } from '@switchboard/testing';
import type { Locator, Page } from 'playwright-core';
import { installStripeFromMarketplace, integrateIntoProduct, NO_SCREENSHOTS } from './seed-001-steps.js';
import { descriptionOf, openSecretsFromNavbar, pickOption, signIn, waitForNotificationClosed, workbenchTestbed } from './workbench-browser.js';

// One user's whole walk on a 2-core machine other suites share: about half a minute alone. A bound for a stuck page,
// not a timing assertion.
const WALK_TIMEOUT_MS = 180_000;

const PRODUCT = { tag: 'webshop', name: 'Web shop' };
const ENVS = [
  { name: 'Production', slug: 'prd' },
  { name: 'Sandbox', slug: 'dev' },
];
const STRIPE_KEY = 'sk_test_walkthrough_4242';

/**
 * The "Done when", every step clicked in the workbench as a new user would, nothing set up through the API: sign
 * in, a product with Production and Sandbox, Stripe from the marketplace integrated into it, STRIPE_KEY created and its
 * copied reference pasted into the connection's auth with a base URL override to a local fake Stripe, create-charge
 * run from the action runner, and the run found in the log.
 */
describe('A new user connects Stripe from the marketplace and runs create-charge against a local fake Stripe', () => {
  // The fake Stripe listens on 127.0.0.1, which the outbound address policy refuses unless allowed.
  const testbed = workbenchTestbed({ env: { SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1,::1' } });
  let stripe: FakeThirdPartyApi;

  beforeAll(async () => {
    stripe = await startFakeStripe([STRIPE_KEY]);
  });

  afterAll(async () => {
    await stripe?.stop();
  });

  it('signs in, creates the product, integrates Stripe, creates and pastes STRIPE_KEY, runs create-charge and finds the run', async () => {
    // What `npm start` prints for signing in.
    const credentials = await testbed.platform.createWorkspace('stripe-walkthrough');
    const { context, page } = await testbed.browser.open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: testbed.platform.url });
    try {
      const navigation = page.getByRole('navigation', { name: 'Main' });
      await signIn(page, credentials);
      await createProduct(page);

      await navigation.getByRole('link', { name: 'Marketplace' }).click();
      await installStripeFromMarketplace(page, NO_SCREENSHOTS);
      await page.waitForURL((url) => url.pathname === '/apps/stripe');
      await page.getByRole('heading', { name: 'Stripe', level: 1 }).waitFor();
      await expectAccessible(page, 'the App Overview of Stripe');
      await integrateIntoProduct(page, { product: PRODUCT, appName: 'Stripe', accessTag: 'stripe', production: 'prd', sandbox: 'dev' }, NO_SCREENSHOTS);

      const reference = await createSecretAndCopyItsReference(page);
      // Scanned once it shows the override, below.
      await openConnection(page);

      await editProduction(page, async (production) => {
        const token = production.getByRole('textbox', { name: 'token' });
        await token.focus();
        await page.keyboard.press('ControlOrMeta+V');
        expect(await token.inputValue()).toBe(reference);
        const override = production.getByRole('textbox', { name: 'Base URL override' });
        // The scheme forgotten first: the API's refusal shows beside the field.
        await override.fill(stripe.url.replace('http://', ''));
        await page.getByRole('button', { name: 'Save' }).click();
        await page.getByText('base_url must be an absolute http(s) URL').waitFor();
        expect(await descriptionOf(override)).toContain('envs.0.base_url must be an absolute http(s) URL');
        await expectAccessible(page, 'the edit modal with the base URL refused');
        await override.fill(stripe.url);
      });
      const productionCard = page.getByRole('region', { name: 'Production → prd' });
      await productionCard.getByRole('cell', { name: reference }).waitFor();
      await productionCard.getByText(`Base URL ${stripe.url} (override, instead of the app env's https://api.stripe.com)`).waitFor();
      await page.getByRole('region', { name: 'Sandbox → dev' }).getByText("Base URL https://api.stripe.com (the app env's)").waitFor();
      await expectAccessible(page, 'the connection page with a base URL override');

      await runCreateCharge(page, stripe.url);
      const charge = stripe.received.at(-1);
      // The reference was resolved on the way out: the fake Stripe got the secret's value, as a form body.
      expect([stripe.received.length, charge?.path, charge?.headers.authorization, charge?.body]).toEqual([1, '/v1/charges', `Bearer ${STRIPE_KEY}`, 'amount=2000&currency=usd']);

      await navigation.getByRole('link', { name: 'Runs' }).click();
      const run = page.getByRole('table', { name: 'Runs' }).getByRole('row', { name: /Succeeded.*stripe.*create-charge.*200/ });
      await run.waitFor();
      await expectAccessible(page, 'the run log');
      await run.getByRole('link').click();
      await page.getByRole('heading', { name: 'Run of create-charge', level: 1 }).waitFor();
      await page.getByRole('table', { name: 'Secret versions used' }).getByRole('row', { name: 'STRIPE_KEY 1' }).waitFor();
      expect(await page.content()).not.toContain(STRIPE_KEY);
      await expectAccessible(page, 'the run detail page');

      // Clearing the override sends Production's runs to the app env's base URL again.
      await openConnection(page);
      await editProduction(page, async (production) => production.getByRole('textbox', { name: 'Base URL override' }).fill(''));
      await productionCard.getByText("Base URL https://api.stripe.com (the app env's)").waitFor();
    } finally {
      await context.close();
    }
    const stored = await new Switchboard({ ...credentials, url: testbed.platform.url }).product.appsOf(PRODUCT.tag).fetch('stripe');
    expect(stored.envs.map((env) => [env.product_env_slug, env.app_env_slug, env.base_url, env.auth])).toEqual([
      ['prd', 'prd', null, [{ auth_tag: 'secret-key', data: { token: '$Token{STRIPE_KEY}' } }]],
      ['dev', 'dev', null, []],
    ]);
  }, WALK_TIMEOUT_MS);
});

/** The workspace page's Create a product form, with the seed's Production and Sandbox envs. */
async function createProduct(page: Page): Promise<void> {
  await page.getByRole('textbox', { name: 'Tag' }).fill(PRODUCT.tag);
  await page.getByRole('textbox', { name: 'Name' }).fill(PRODUCT.name);
  const envs = page.getByRole('group', { name: 'Environments' });
  for (const [index, { name, slug }] of ENVS.entries()) {
    await envs.getByRole('button', { name: 'Add environment' }).click();
    await envs.getByRole('textbox', { name: `Environment ${index + 1} name` }).fill(name);
    await envs.getByRole('textbox', { name: `Environment ${index + 1} slug` }).fill(slug);
  }
  await page.getByRole('button', { name: 'Create product' }).click();
  await page.getByRole('table', { name: 'Products' }).getByRole('row', { name: /webshop.*Web shop/ }).waitFor();
  await expectAccessible(page, 'the workspace page with the product');
  await waitForNotificationClosed(page, 'Product created');
}

/** Settings → Secrets, STRIPE_KEY created, its copy button; answers the clipboard's text. */
async function createSecretAndCopyItsReference(page: Page): Promise<string> {
  await openSecretsFromNavbar(page);
  await page.getByText('No secrets yet').waitFor();
  await page.getByRole('button', { name: 'Create secret' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a secret' });
  await dialog.getByRole('textbox', { name: 'Key' }).fill('STRIPE_KEY');
  await dialog.getByLabel('Value').fill(STRIPE_KEY);
  await expectAccessible(page, 'the create-secret dialog');
  await dialog.getByRole('button', { name: 'Create secret' }).click();
  await dialog.waitFor({ state: 'detached' });
  const row = page.getByRole('table', { name: 'Secrets' }).getByRole('row', { name: /STRIPE_KEY/ });
  await row.getByRole('button', { name: 'Copy $Token{STRIPE_KEY}' }).click();
  await page.getByText('$Token{STRIPE_KEY} is on the clipboard').waitFor();
  await expectAccessible(page, 'the secrets page with STRIPE_KEY');
  await waitForNotificationClosed(page, 'Secret created');
  await waitForNotificationClosed(page, 'Reference copied');
  const copied = await page.evaluate<string>('navigator.clipboard.readText()');
  expect(copied).toBe('$Token{STRIPE_KEY}');
  return copied;
}

/** Workspace, the product, its connected Stripe in Connected Apps: the connection page. */
async function openConnection(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workspace' }).click();
  await page.getByRole('table', { name: 'Products' }).getByRole('link', { name: PRODUCT.tag }).click();
  await page.getByRole('complementary', { name: 'Product sidebar' }).getByRole('list', { name: 'Connected Apps' }).getByRole('link', { name: 'Stripe' }).click();
  await page.getByRole('heading', { name: 'stripe', level: 1 }).waitFor();
}

/** On the connection page: Edit, `change` Production's settings (scanning the modal is its part), Save; waits for the modal to close. */
async function editProduction(page: Page, change: (production: Locator) => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: 'Edit' }).click();
  const modal = page.getByRole('dialog', { name: 'Edit stripe' });
  const production = modal.getByRole('group', { name: 'Production (prd)' });
  await production.waitFor();
  await change(production);
  await modal.getByRole('button', { name: 'Save' }).click();
  await modal.waitFor({ state: 'detached' });
}

/** The action runner: the product, Production, Stripe and create-charge, a body, Plan, then Run and its reply. */
async function runCreateCharge(page: Page, stripeUrl: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Action runner' }).click();
  await page.getByRole('heading', { name: 'Action runner', level: 1 }).waitFor();
  await pickOption(page, 'Product', new RegExp(PRODUCT.tag));
  await pickOption(page, 'Environment', /\(prd\)/);
  await pickOption(page, 'Connected app', /stripe/);
  await pickOption(page, 'Action', /create-charge/);
  const body = page.getByRole('textbox', { name: 'Body (JSON)' });
  await body.waitFor();
  await body.fill('{ "amount": 2000, "currency": "usd" }');
  await page.getByRole('button', { name: 'Plan', exact: true }).click();
  const plan = page.getByRole('region', { name: 'Plan' });
  await plan.getByText('Would run').waitFor();
  // To the override, with the connection's auth and the secret its reference names.
  await plan.getByText(`POST ${stripeUrl}/v1/charges`).waitFor();
  const checks = plan.getByRole('table', { name: 'Checks' });
  await checks.getByRole('row', { name: /auth secret-key Pass token sent as Authorization: Bearer/ }).waitFor();
  await checks.getByRole('row', { name: /secret STRIPE_KEY Pass/ }).waitFor();
  await expectAccessible(page, 'the action runner with a plan');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const response = page.getByRole('region', { name: 'Response' });
  await response.getByText('HTTP 200').waitFor();
  expect(await response.getByLabel('Response body').textContent()).toContain('"object": "charge"');
  await expectAccessible(page, 'the action runner with the fake Stripe reply');
}
