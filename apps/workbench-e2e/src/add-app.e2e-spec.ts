import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { Switchboard } from '@switchboard/sdk';
import { REPO_ROOT, expectAccessible, type WorkspaceCredentials } from '@switchboard/testing';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { workbenchTestbed } from './workbench-browser.js';

const FIXTURES = `${REPO_ROOT}/apps/catalog/test/fixtures/api-documents`;
const fixture = (name: string): string => readFileSync(`${FIXTURES}/${name}`, 'utf8');

/** Every way of adding an app ends on its App Overview, where Integrate begins (seed 001 step 5, its own spec). */
async function expectAppOverview(page: Page, tag: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === `/apps/${tag}`);
  await page.getByRole('button', { name: 'Integrate' }).waitFor();
}

// Several pages and dialogs each, with axe on every one, on a machine other suites share: more than the default minute.
const FLOW_TIMEOUT_MS = 120_000;

/**
 * Signs in through the API, on the browser context's cookie jar (the sign-in page has its own spec), and opens the
 * workspace page.
 */
async function signIn(context: BrowserContext, page: Page, credentials: WorkspaceCredentials): Promise<void> {
  const { workspace_id, user_id, private_key } = credentials;
  const reply = await context.request.post('/v1/sessions', { data: { workspace_id, user_id, private_key } });
  expect(reply.status()).toBe(201);
  await page.goto('/');
  await page.getByRole('heading', { name: 'Workspace', level: 1 }).waitFor();
}

/** The text of what Mantine links to a field (`aria-describedby`): its description and, when invalid, its error. */
async function describedText(page: Page, field: Locator): Promise<string> {
  const ids = (await field.getAttribute('aria-describedby'))?.split(' ').filter((id) => id !== '') ?? [];
  return (await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()))).join(' ');
}

// Seed 001 steps 1-4: open a product, Connect App, and each of the three ways of adding an app.
describe('Adding an app from a product: workspace app, import, marketplace', () => {
  const testbed = workbenchTestbed();

  // A workspace with the product `webshop`, set up through the API as a user's code would; tests share no data.
  async function workspaceWithProduct(name: string): Promise<{ credentials: WorkspaceCredentials; switchboard: Switchboard }> {
    const credentials = await testbed.platform.createWorkspace(name);
    const switchboard = new Switchboard({ ...credentials, url: testbed.platform.url });
    await switchboard.product.init('webshop', { name: 'Web shop' });
    return { credentials, switchboard };
  }

  /** Signs in, opens the product from the workspace's list and follows Quick Actions → Connect App. */
  async function openConnectApp(context: BrowserContext, page: Page, credentials: WorkspaceCredentials): Promise<void> {
    await signIn(context, page, credentials);
    await page.getByRole('table', { name: 'Products' }).getByRole('link', { name: 'webshop' }).click();
    await page.getByRole('heading', { name: 'Web shop', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Connect App' }).click();
    await page.getByRole('heading', { name: 'Connect App', level: 1 }).waitFor();
  }

  it('shows the Product Overview with Quick Actions and a sidebar whose Refresh brings a new connection in', async () => {
    const { credentials, switchboard } = await workspaceWithProduct('add-app-overview');
    await switchboard.app.create({ tag: 'billing', name: 'Billing API', envs: [{ slug: 'prd', base_url: 'https://billing.example.com', request_type: 'JSON' }] });
    const { context, page } = await testbed.browser.open();
    await signIn(context, page, credentials);
    await page.getByRole('link', { name: 'webshop' }).click();
    await page.getByRole('heading', { name: 'Web shop', level: 1 }).waitFor();
    const sidebar = page.getByRole('complementary', { name: 'Product sidebar' });
    await sidebar.getByText('No apps connected yet').waitFor();
    await page.getByRole('table', { name: 'Environments' }).getByRole('row', { name: /Production.*prd.*Active/ }).waitFor();
    await expectAccessible(page, 'the Product Overview without connected apps');

    await switchboard.product.app.add({ access_tag: 'billing', app: 'billing', envs: [{ slug: 'prd', active: true }] });
    await sidebar.getByRole('button', { name: 'Refresh' }).click();
    await sidebar.getByRole('list', { name: 'Connected Apps' }).getByRole('link', { name: 'Billing API' }).waitFor();
    await expectAccessible(page, 'the Product Overview with a connected app');

    await sidebar.getByRole('link', { name: 'Add' }).click();
    await page.getByRole('heading', { name: 'Connect App', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/products/webshop/connect');
    await expectAccessible(page, 'the Connect App page');
    await context.close();
  }, FLOW_TIMEOUT_MS);

  it('adds a workspace app chosen from the Add Workspace App modal', async () => {
    const { credentials, switchboard } = await workspaceWithProduct('add-app-workspace');
    await switchboard.app.create({ tag: 'billing', name: 'Billing API', envs: [{ slug: 'prd', base_url: 'https://billing.example.com', request_type: 'JSON' }] });
    const { context, page } = await testbed.browser.open();
    await openConnectApp(context, page, credentials);
    await page.getByRole('button', { name: 'Add Workspace App' }).click();
    const modal = page.getByRole('dialog', { name: 'Add Workspace App' });
    await modal.getByRole('list', { name: 'Workspace apps' }).getByRole('link', { name: /Billing API/ }).waitFor();
    await expectAccessible(page, 'the Add Workspace App modal');
    await modal.getByRole('link', { name: /Billing API/ }).click();
    await expectAppOverview(page, 'billing');
    await context.close();
  }, FLOW_TIMEOUT_MS);

  it('creates a new app from the modal, showing the API refusing a bad tag beside the Tag field first', async () => {
    const { credentials, switchboard } = await workspaceWithProduct('add-app-create');
    const { context, page } = await testbed.browser.open();
    await openConnectApp(context, page, credentials);
    await page.getByRole('button', { name: 'Add Workspace App' }).click();
    await page.getByRole('dialog', { name: 'Add Workspace App' }).getByText('No apps in this workspace yet').waitFor();
    await page.getByRole('button', { name: 'Create a new app' }).click();
    const form = page.getByRole('dialog', { name: 'Create a new app' });
    const tag = form.getByRole('textbox', { name: 'Tag' });
    await tag.fill('crm api!');
    await form.getByRole('textbox', { name: 'Name' }).fill('CRM');
    await form.getByRole('textbox', { name: 'Environment 1 base URL' }).fill('https://crm.example.com/v2');
    await form.getByRole('button', { name: 'Create app' }).click();
    await form.getByText('tag must be 1-64 letters, digits, "_" or "-"', { exact: false }).waitFor();
    expect(await tag.getAttribute('aria-invalid')).toBe('true');
    expect(await describedText(page, tag)).toContain('tag must be 1-64 letters, digits, "_" or "-"');
    await expectAccessible(page, 'the create-app form with a field error');
    expect(await switchboard.app.fetchAll()).toEqual([]);

    await tag.fill('crm');
    await form.getByRole('button', { name: 'Create app' }).click();
    await expectAppOverview(page, 'crm');
    const created = await switchboard.app.fetch('crm');
    expect([created.name, created.envs.map((env) => [env.slug, env.base_url, env.request_type])]).toEqual(['CRM', [['prd', 'https://crm.example.com/v2', 'JSON']]]);
    await context.close();
  }, FLOW_TIMEOUT_MS);

  it('imports a pasted OpenAPI document: its preview lists the actions and every warning, and Create makes the app', async () => {
    const { credentials, switchboard } = await workspaceWithProduct('add-app-paste');
    const { context, page } = await testbed.browser.open();
    await openConnectApp(context, page, credentials);
    await page.getByRole('button', { name: 'Import App' }).click();
    const modal = page.getByRole('dialog', { name: 'Import App Docs' });
    await modal.getByRole('tab', { name: 'Paste text' }).click();
    await modal.getByRole('textbox', { name: 'Document text' }).fill(fixture('circular.openapi-3.0.json'));
    await expectAccessible(page, 'the Import App Docs modal');
    await modal.getByRole('button', { name: 'Preview' }).click();

    await modal.getByRole('heading', { name: 'Warnings (3)' }).waitFor();
    const warnings = modal.getByRole('list', { name: 'Warnings (3)' }).getByRole('listitem');
    expect(await warnings.count()).toBe(3);
    expect(await warnings.first().textContent()).toContain('circular_ref');
    expect(await warnings.first().textContent()).toContain('The circular reference #/components/schemas/Node was cut where it repeats');
    await modal.getByRole('table', { name: /Actions/ }).getByRole('row', { name: /GET \/nodes\/:id/ }).waitFor();
    await expectAccessible(page, 'the import preview');
    await modal.getByRole('textbox', { name: 'Tag' }).fill('org');
    await modal.getByRole('textbox', { name: 'Name' }).fill('Org chart API');
    await modal.getByRole('button', { name: 'Create app' }).click();
    await expectAppOverview(page, 'org');
    const created = await switchboard.app.fetch('org');
    expect([created.name, created.envs.map((env) => env.base_url)]).toEqual(['Org chart API', ['https://org.example.com/api']]);
    await context.close();
  }, FLOW_TIMEOUT_MS);

  it('imports an uploaded Swagger file with its warning, and previews a re-import into an existing tag as a diff', async () => {
    const { credentials, switchboard } = await workspaceWithProduct('add-app-upload');
    const stripeLike = JSON.parse(fixture('stripe-like.openapi-3.0.json')) as { paths: Record<string, unknown> };
    await switchboard.app.import.commit(JSON.stringify(stripeLike), { tag: 'stripe-api' });
    const { context, page } = await testbed.browser.open();
    await openConnectApp(context, page, credentials);
    await page.getByRole('button', { name: 'Import App' }).click();
    const modal = page.getByRole('dialog', { name: 'Import App Docs' });
    const chooser = page.waitForEvent('filechooser');
    await modal.getByRole('button', { name: 'Choose an API document file' }).click();
    await (await chooser).setFiles(`${FIXTURES}/petstore.swagger-2.0.yaml`);
    await modal.getByText('petstore.swagger-2.0.yaml').waitFor();
    await modal.getByRole('button', { name: 'Preview' }).click();
    await modal.getByText('The OAuth2 implicit flow of petstore_auth is not supported', { exact: false }).waitFor();
    await modal.getByText('unsupported_security').waitFor();
    await modal.getByText('partner_auth: oauth2_client_credentials').waitFor();
    await expectAccessible(page, 'the preview of an uploaded document');

    // The same tag as an app the workspace has: the re-import's diff is previewed before Update replaces the app.
    await modal.getByRole('textbox', { name: 'Tag' }).fill('stripe-api');
    await modal.getByRole('checkbox', { name: /Re-import into/ }).check();
    const diff = modal.getByRole('table', { name: 'Changes to the existing app' });
    await diff.getByRole('row', { name: /Actions/ }).waitFor();
    expect(await diff.getByRole('row', { name: /Actions/ }).textContent()).toContain('add-pet');
    expect(await diff.getByRole('row', { name: /Actions/ }).textContent()).toContain('post-charges');
    await expectAccessible(page, 'the diff of a re-import');
    await modal.getByRole('checkbox', { name: /Re-import into/ }).uncheck();

    await modal.getByRole('textbox', { name: 'Tag' }).fill('petstore');
    await modal.getByRole('button', { name: 'Create app' }).click();
    await expectAppOverview(page, 'petstore');
    expect((await switchboard.app.fetch('petstore')).auth.map((scheme) => scheme.tag)).toEqual(['api_key', 'partner_auth', 'basic']);
    expect((await switchboard.app.fetch('stripe-api')).actions.map((action) => action.tag)).toContain('post-charges');
    await context.close();
  }, FLOW_TIMEOUT_MS);

  it('installs Stripe from the marketplace after a search', async () => {
    const { credentials, switchboard } = await workspaceWithProduct('add-app-marketplace');
    const { context, page } = await testbed.browser.open();
    await openConnectApp(context, page, credentials);
    await page.getByRole('link', { name: 'Add from Marketplace' }).click();
    await page.getByRole('heading', { name: 'Marketplace', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Pages of templates' }).waitFor();
    await expectAccessible(page, 'the marketplace');
    await page.getByRole('searchbox', { name: 'Search' }).fill('stripe');
    await page.waitForURL((url) => url.searchParams.get('search') === 'stripe');
    await page.getByRole('list', { name: 'Templates' }).getByRole('link', { name: 'Stripe' }).click();

    await page.getByRole('heading', { name: 'Stripe', level: 1 }).waitFor();
    await page.getByRole('table', { name: /Actions/ }).getByRole('row', { name: /create-charge/ }).waitFor();
    await expectAccessible(page, 'the Stripe template');
    await page.getByRole('button', { name: 'Install' }).click();
    await expectAppOverview(page, 'stripe');
    expect((await switchboard.app.fetch('stripe')).template?.tag).toBe('stripe');
    await context.close();
  }, FLOW_TIMEOUT_MS);

  it('names an installed template\'s app and shows the API refusing its tag again beside the App tag field', async () => {
    const { credentials, switchboard } = await workspaceWithProduct('add-app-installed');
    await switchboard.marketplace.install('stripe');
    const { context, page } = await testbed.browser.open();
    await signIn(context, page, credentials);
    await page.goto('/marketplace/stripe');
    await page.getByText('Already installed').waitFor();
    await page.getByRole('link', { name: 'Stripe (stripe)' }).waitFor();
    await page.getByRole('button', { name: 'Install' }).click();
    const tag = page.getByRole('textbox', { name: 'App tag' });
    await page.getByText("An app tagged 'stripe' already exists in this workspace").waitFor();
    expect(await describedText(page, tag)).toContain("An app tagged 'stripe' already exists in this workspace");
    await expectAccessible(page, 'the installed Stripe template with a field error');
    expect((await switchboard.app.fetchAll()).map((app) => app.tag)).toEqual(['stripe']);
    await context.close();
  }, FLOW_TIMEOUT_MS);
});
