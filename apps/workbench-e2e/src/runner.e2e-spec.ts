import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Switchboard } from '@switchboard/sdk';
import { expectAccessible, startFakeStripe, waitUntil, type FakeThirdPartyApi, type WorkspaceCredentials } from '@switchboard/testing';
import { descriptionOf, openWorkspaceSignedIn, pickOption, workbenchTestbed } from './workbench-browser.js';

// Browser flows on a 2-core machine shared with other builds: a generous bound, not a timing assertion.
jest.setTimeout(180_000);

describe('The action runner and the run log', () => {
  // The fake Stripe listens on 127.0.0.1, which the outbound address policy refuses unless allowed.
  const testbed = workbenchTestbed({ env: { SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1' } });
  const stripeKey = 'sk_test_runner_0001';
  let stripe: FakeThirdPartyApi;
  let credentials: WorkspaceCredentials;

  beforeAll(async () => {
    stripe = await startFakeStripe([stripeKey]);
    // Seed 000's setup through the SDK, as platform-e2e's marketplace-connect spec does it.
    credentials = await testbed.platform.createWorkspace('workbench-runner');
    const switchboard = new Switchboard({ ...credentials, url: testbed.platform.url });
    await switchboard.product.init('ecommerce-platform');
    await switchboard.product.app.connect('stripe');
    await switchboard.product.app.add({ access_tag: 'stripe-payments', app: 'stripe', envs: [{ slug: 'prd', base_url: stripe.url, request_type: 'JSON', active: true }] });
    await switchboard.secrets.create({ key: 'STRIPE_KEY', value: stripeKey, scope: ['stripe-payments'] });
  });

  afterAll(async () => {
    await stripe?.stop();
  });

  it('plans and runs create-charge against a local Stripe, shows the refusal of a bad body beside it, then finds the run in the log', async () => {
    const { context, page } = await testbed.browser.open();
    await openWorkspaceSignedIn(context, page, credentials);
    const navigation = page.getByRole('navigation', { name: 'Main' });
    await navigation.getByRole('link', { name: 'Action runner' }).click();
    await page.getByRole('heading', { name: 'Action runner', level: 1 }).waitFor();
    await expectAccessible(page, 'the empty action runner');

    await pickOption(page, 'Product', /ecommerce-platform/);
    await pickOption(page, 'Environment', /\(prd\)/);
    await pickOption(page, 'Connected app', /stripe-payments/);
    await pickOption(page, 'Action', /create-charge/);
    const body = page.getByRole('textbox', { name: 'Body (JSON)' });
    // Seeded from the template's body schema: its required properties, as placeholders.
    await body.waitFor();
    expect(JSON.parse(await body.inputValue())).toEqual({ amount: 1, currency: '' });
    await page.getByRole('textbox', { name: 'Headers (JSON)' }).fill('{ "Authorization": "Bearer $Token{STRIPE_KEY}" }');

    await body.fill('{ "amount": "20.00", "currency": "usd" }');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByText('body.amount must be integer').waitFor();
    expect(await descriptionOf(body)).toContain('body.amount must be integer');
    await expectAccessible(page, 'the action runner with a refused body');

    await body.fill('{ "amount": 2000, "currency": "usd" }');
    await page.getByRole('button', { name: 'Plan', exact: true }).click();
    const plan = page.getByRole('region', { name: 'Plan' });
    await plan.getByText('Would run').waitFor();
    expect(await plan.getByRole('table', { name: 'Planned request headers' }).textContent()).toContain('Bearer $Token{STRIPE_KEY}');
    await plan.getByRole('table', { name: 'Checks' }).getByRole('row', { name: /secret STRIPE_KEY Pass/ }).waitFor();
    await expectAccessible(page, 'the action runner with a plan');

    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const response = page.getByRole('region', { name: 'Response' });
    await response.getByText('HTTP 200').waitFor();
    expect(await response.getByLabel('Response body').textContent()).toContain('"object": "charge"');
    expect([stripe.received.at(-1)?.body, stripe.received.at(-1)?.headers.authorization]).toEqual(['amount=2000&currency=usd', `Bearer ${stripeKey}`]);
    await expectAccessible(page, 'the action runner with a response');

    await response.getByRole('link', { name: /Open run/ }).click();
    await page.getByRole('heading', { name: 'Run of create-charge', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Secret versions used' }).getByRole('row', { name: 'STRIPE_KEY 1' }).waitFor();
    expect(await page.getByRole('table', { name: 'Request headers' }).textContent()).toContain('Bearer $Token{STRIPE_KEY}');
    expect(await page.content()).not.toContain(stripeKey);
    await expectAccessible(page, 'the run detail page');

    await navigation.getByRole('link', { name: 'Runs' }).click();
    const runs = page.getByRole('table', { name: 'Runs' });
    await runs.getByRole('row', { name: /Failed/ }).waitFor();
    await pickOption(page, 'Status', /Succeeded/);
    await page.getByRole('combobox', { name: 'Status' }).press('Escape');
    expect(new URL(page.url()).searchParams.get('status')).toBe('succeeded');
    await runs.getByRole('row', { name: /Failed/ }).waitFor({ state: 'detached' });
    const succeeded = runs.getByRole('row', { name: /Succeeded.*stripe-payments.*create-charge.*200/ });
    await expectAccessible(page, 'the run log filtered to succeeded runs');
    await succeeded.getByRole('link').click();
    await page.getByRole('heading', { name: 'Run of create-charge', level: 1 }).waitFor();
    await context.close();
  });

  it('filters the run log by time, keeps the range in the address and shows a bad instant beside its field', async () => {
    const { context, page } = await testbed.browser.open();
    await openWorkspaceSignedIn(context, page, credentials);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs' }).click();
    const runs = page.getByRole('table', { name: 'Runs' });
    await runs.getByRole('row', { name: /Succeeded.*stripe-payments/ }).waitFor();

    await page.getByRole('group', { name: 'Recent runs' }).getByRole('button', { name: 'Last hour' }).click();
    const after = new URL(page.url()).searchParams.get('after') ?? '';
    const hourAgo = Date.now() - 3_600_000;
    expect([Date.parse(after) <= hourAgo, Date.parse(after) > hourAgo - 3_600_000]).toEqual([true, true]);
    // The address changes first; the input follows on the next render.
    const afterInput = page.getByLabel('After', { exact: true });
    await waitUntil(async () => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(await afterInput.inputValue()), { what: 'the After input to show the range', timeoutMs: 5_000, intervalMs: 50 });
    await runs.getByRole('row', { name: /Succeeded.*stripe-payments/ }).waitFor();
    await expectAccessible(page, 'the run log of the last hour');

    await page.getByLabel('After', { exact: true }).fill('2099-01-01T00:00');
    await page.getByText('No runs match these filters').waitFor();
    expect(new URL(page.url()).searchParams.get('after')).toBe(new Date('2099-01-01T00:00').toISOString());
    await page.reload();
    await page.getByText('No runs match these filters').waitFor();
    expect(await page.getByLabel('After', { exact: true }).inputValue()).toBe('2099-01-01T00:00');

    await page.getByLabel('After', { exact: true }).fill('');
    await page.getByLabel('Before', { exact: true }).fill('2000-01-01T00:00');
    // "No runs match" still shows from the 2099 range, so the address is what tells the new range is applied.
    await page.waitForURL((url) => url.searchParams.has('before') && !url.searchParams.has('after'));
    await page.getByText('No runs match these filters').waitFor();

    await page.goto('/runs?after=yesterday');
    const message = 'after must be an ISO 8601 date-time with a zone, such as 2026-01-31T12:00:00Z';
    await page.getByText(message).waitFor();
    expect(await descriptionOf(page.getByLabel('After', { exact: true }))).toContain(message);
    await expectAccessible(page, 'the run log with a refused time filter');
    await context.close();
  });

  it('shows in the secrets list when the run last used STRIPE_KEY', async () => {
    const { context, page } = await testbed.browser.open();
    await openWorkspaceSignedIn(context, page, credentials);
    await page.goto('/settings/secrets');
    const row = page.getByRole('table', { name: 'Secrets' }).getByRole('row', { name: /STRIPE_KEY/ });
    await row.waitFor();
    const [lastUsed] = (await new Switchboard({ ...credentials, url: testbed.platform.url }).secrets.list()).map((secret) => secret.last_used_at);
    const shown = await page.evaluate((at) => (at === null || at === undefined ? 'Not used yet' : new Date(at).toLocaleString()), lastUsed);
    expect(shown).not.toBe('Not used yet');
    await row.getByRole('cell', { name: shown }).waitFor();
    await expectAccessible(page, 'the secrets list with a last use');
    await context.close();
  });
});
