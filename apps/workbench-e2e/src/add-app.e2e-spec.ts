import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { Switchboard } from '@switchboard/sdk';
import { REPO_ROOT, expectAccessible, type WorkspaceCredentials } from '@switchboard/testing';
import type { Page } from 'playwright-core';
import { descriptionOf, signInBySession, workbenchTestbed } from './workbench-browser.js';

const FIXTURES = `${REPO_ROOT}/apps/catalog/test/fixtures/api-documents`;
const fixture = (name: string): string => readFileSync(`${FIXTURES}/${name}`, 'utf8');

/** Adding an app ends on its App Overview, where Integrate begins. */
async function expectAppOverview(page: Page, tag: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === `/apps/${tag}`);
  await page.getByRole('button', { name: 'Integrate' }).waitFor();
}

// A page or two and a dialog each, with axe: seconds, but up to a minute or more on a 2-core machine other suites share.
const FLOW_TIMEOUT_MS = 120_000;

// What seed-001.e2e-spec.ts, which adds an app each of the three ways and integrates it, does not go through: the
// Connected Apps Add button, an existing workspace app, the upload and re-import of a document, and the error paths.
describe('Adding an app from a product: the other entrances and the error paths', () => {
  const testbed = workbenchTestbed();

  // A workspace with the product `webshop`, set up through the API as a user's code would; tests share no data.
  async function workspaceWithProduct(name: string): Promise<{ credentials: WorkspaceCredentials; switchboard: Switchboard }> {
    const credentials = await testbed.platform.createWorkspace(name);
    const switchboard = new Switchboard({ ...credentials, url: testbed.platform.url });
    await switchboard.product.init('webshop', { name: 'Web shop' });
    return { credentials, switchboard };
  }

  it('opens Connect App from the Connected Apps Add button, and the Add Workspace App modal opens an app of the workspace', async () => {
    const { credentials, switchboard } = await workspaceWithProduct('add-app-existing');
    await switchboard.app.create({ tag: 'billing', name: 'Billing API', envs: [{ slug: 'prd', base_url: 'https://billing.example.com', request_type: 'JSON' }] });
    const { context, page } = await testbed.browser.open();
    await signInBySession(context, credentials);
    await page.goto('/products/webshop');
    // Seed 001 step 2, option 2 (seed-001.e2e-spec.ts follows option 1, Quick Actions).
    await page.getByRole('complementary', { name: 'Product sidebar' }).getByRole('link', { name: 'Add' }).click();
    await page.getByRole('heading', { name: 'Connect App', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/products/webshop/connect');
    await page.getByRole('button', { name: 'Add Workspace App' }).click();
    const modal = page.getByRole('dialog', { name: 'Add Workspace App' });
    await modal.getByRole('list', { name: 'Workspace apps' }).getByRole('link', { name: /Billing API/ }).waitFor();
    await expectAccessible(page, 'the Add Workspace App modal listing an app');
    await modal.getByRole('link', { name: /Billing API/ }).click();
    await expectAppOverview(page, 'billing');
    await context.close();
  }, FLOW_TIMEOUT_MS);

  it('shows the API refusing a new app\'s tag beside the Tag field, and creates nothing', async () => {
    const { credentials, switchboard } = await workspaceWithProduct('add-app-create');
    const { context, page } = await testbed.browser.open();
    await signInBySession(context, credentials);
    await page.goto('/products/webshop/connect?add=workspace');
    await page.getByRole('button', { name: 'Create a new app' }).click();
    const form = page.getByRole('dialog', { name: 'Create a new app' });
    const tag = form.getByRole('textbox', { name: 'Tag' });
    await tag.fill('crm api!');
    await form.getByRole('textbox', { name: 'Environment 1 base URL' }).fill('https://crm.example.com/v2');
    await form.getByRole('button', { name: 'Create app' }).click();
    await form.getByText('tag must be 1-64 letters, digits, "_" or "-"', { exact: false }).waitFor();
    expect(await descriptionOf(tag)).toContain('tag must be 1-64 letters, digits, "_" or "-"');
    await expectAccessible(page, 'the create-app form with a field error');
    expect(await switchboard.app.fetchAll()).toEqual([]);
    await context.close();
  }, FLOW_TIMEOUT_MS);

  it('shows why a pasted document cannot be read, with its line and column', async () => {
    const { credentials, switchboard } = await workspaceWithProduct('add-app-invalid');
    const { context, page } = await testbed.browser.open();
    await signInBySession(context, credentials);
    await page.goto('/products/webshop/connect?add=import');
    const modal = page.getByRole('dialog', { name: 'Import App Docs' });
    await modal.getByRole('tab', { name: 'Paste text' }).click();
    await modal.getByRole('textbox', { name: 'Document text' }).fill('openapi: 3.1.0\ninfo: [unclosed\n');
    await modal.getByRole('button', { name: 'Preview' }).click();
    const alert = modal.getByRole('alert').filter({ hasText: 'Could not read the document' });
    await alert.getByText('document_invalid').waitFor();
    expect(await alert.textContent()).toMatch(/The document is not valid JSON or YAML: .* at line \d+, column \d+/);
    await expectAccessible(page, 'the Import App Docs modal with an unreadable document');
    expect(await switchboard.app.fetchAll()).toEqual([]);
    await context.close();
  }, FLOW_TIMEOUT_MS);

  it('previews an uploaded Swagger file with its warning, and a re-import into an existing tag as a diff', async () => {
    const { credentials, switchboard } = await workspaceWithProduct('add-app-upload');
    await switchboard.app.import.commit(fixture('stripe-like.openapi-3.0.json'), { tag: 'stripe-api' });
    const { context, page } = await testbed.browser.open();
    await signInBySession(context, credentials);
    await page.goto('/products/webshop/connect?add=import');
    const modal = page.getByRole('dialog', { name: 'Import App Docs' });
    const chooser = page.waitForEvent('filechooser');
    await modal.getByRole('button', { name: 'Choose an API document file' }).click();
    await (await chooser).setFiles(`${FIXTURES}/petstore.swagger-2.0.yaml`);
    await modal.getByText('petstore.swagger-2.0.yaml').waitFor();
    await modal.getByRole('button', { name: 'Preview' }).click();
    await modal.getByText('The OAuth2 implicit flow of petstore_auth is not supported', { exact: false }).waitFor();
    await modal.getByText('partner_auth: oauth2_client_credentials').waitFor();

    // The same tag as an app the workspace has: the re-import's diff is previewed before Update replaces the app.
    await modal.getByRole('textbox', { name: 'Tag' }).fill('stripe-api');
    await modal.getByRole('checkbox', { name: /Re-import into/ }).check();
    const actions = modal.getByRole('table', { name: 'Changes to the existing app' }).getByRole('row', { name: /Actions/ });
    await actions.waitFor();
    expect(await actions.textContent()).toContain('add-pet');
    expect(await actions.textContent()).toContain('post-charges');
    await modal.getByRole('button', { name: 'Update app' }).waitFor();
    await expectAccessible(page, 'the diff of a re-import');
    expect((await switchboard.app.fetch('stripe-api')).actions.map((action) => action.tag)).toContain('post-charges');
    await context.close();
  }, FLOW_TIMEOUT_MS);

  it('says so when no template matches a search', async () => {
    const { credentials } = await workspaceWithProduct('add-app-no-template');
    const { context, page } = await testbed.browser.open();
    await signInBySession(context, credentials);
    await page.goto('/marketplace');
    await page.getByRole('list', { name: 'Templates' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search' }).fill('no such api anywhere');
    await page.getByText('No template matches. Try another search or category.').waitFor();
    expect(new URL(page.url()).searchParams.get('search')).toBe('no such api anywhere');
    await expectAccessible(page, 'the marketplace with no match');
    await context.close();
  }, FLOW_TIMEOUT_MS);

  it('shows the API refusing an installed template\'s tag again beside the App tag field', async () => {
    const { credentials, switchboard } = await workspaceWithProduct('add-app-installed');
    await switchboard.marketplace.install('stripe');
    const { context, page } = await testbed.browser.open();
    await signInBySession(context, credentials);
    await page.goto('/marketplace/stripe');
    await page.getByText('Already installed').waitFor();
    await page.getByRole('link', { name: 'Stripe (stripe)' }).waitFor();
    await page.getByRole('button', { name: 'Install' }).click();
    const tag = page.getByRole('textbox', { name: 'App tag' });
    await page.getByText("An app tagged 'stripe' already exists in this workspace").waitFor();
    expect(await descriptionOf(tag)).toContain("An app tagged 'stripe' already exists in this workspace");
    await expectAccessible(page, 'the installed Stripe template with a field error');
    expect((await switchboard.app.fetchAll()).map((app) => app.tag)).toEqual(['stripe']);
    await context.close();
  }, FLOW_TIMEOUT_MS);
});
