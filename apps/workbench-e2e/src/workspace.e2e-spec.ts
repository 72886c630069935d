import { describe, expect, it } from '@jest/globals';
import { Switchboard } from '@switchboard/sdk';
import { expectAccessible, type WorkspaceCredentials } from '@switchboard/testing';
import { descriptionOf, openWorkspaceSignedIn, workbenchTestbed } from './workbench-browser.js';

describe('The workspace page: products and apps', () => {
  const testbed = workbenchTestbed();

  // A workspace per test, set up through the API as a user's code would, so tests share no data.
  async function workspace(name: string): Promise<{ credentials: WorkspaceCredentials; switchboard: Switchboard }> {
    const credentials = await testbed.platform.createWorkspace(name);
    return { credentials, switchboard: new Switchboard({ ...credentials, url: testbed.platform.url }) };
  }

  it('says so when the workspace has no products and no apps yet', async () => {
    const { credentials } = await workspace('workbench-empty');
    const { context, page } = await testbed.browser.open();
    await openWorkspaceSignedIn(context, page, credentials);
    await page.getByText('No products yet').waitFor();
    await page.getByText('No apps in this workspace yet').waitFor();
    await expectAccessible(page, 'the empty workspace page');
    await context.close();
  });

  it('creates a product from the form and lists it, as the API then has it', async () => {
    const { credentials, switchboard } = await workspace('workbench-create');
    const { context, page } = await testbed.browser.open();
    await openWorkspaceSignedIn(context, page, credentials);
    await page.getByRole('textbox', { name: 'Tag' }).fill('webshop');
    await page.getByRole('textbox', { name: 'Name' }).fill('Web shop');
    await page.getByRole('button', { name: 'Create product' }).click();
    const products = page.getByRole('table', { name: 'Products' });
    await products.getByRole('row', { name: /webshop.*Web shop/ }).waitFor();
    await expectAccessible(page, 'the workspace page with a product');
    expect((await switchboard.product.fetch('webshop')).name).toBe('Web shop');
    await context.close();
  });

  it('creates a product with the environments the user lists, and shows a refused slug beside its field', async () => {
    const { credentials, switchboard } = await workspace('workbench-create-envs');
    const { context, page } = await testbed.browser.open();
    await openWorkspaceSignedIn(context, page, credentials);
    await page.getByRole('textbox', { name: 'Tag' }).fill('webshop');
    const envs = page.getByRole('group', { name: 'Environments' });
    for (const [index, [name, slug]] of [['Production', 'prd'], ['Sandbox', 'dev!']].entries()) {
      await envs.getByRole('button', { name: 'Add environment' }).click();
      await envs.getByRole('textbox', { name: `Environment ${index + 1} name` }).fill(name);
      await envs.getByRole('textbox', { name: `Environment ${index + 1} slug` }).fill(slug);
    }
    await page.getByRole('button', { name: 'Create product' }).click();
    const sandboxSlug = envs.getByRole('textbox', { name: 'Environment 2 slug' });
    await page.getByText('must be 1-32 lowercase letters', { exact: false }).waitFor();
    expect(await descriptionOf(sandboxSlug)).toContain('must be 1-32 lowercase letters, digits, "_" or "-"');
    await expectAccessible(page, 'the create-product form with an env slug refused');
    expect(await switchboard.product.fetchAll()).toEqual([]);

    await sandboxSlug.fill('dev');
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.getByRole('table', { name: 'Products' }).getByRole('row', { name: /webshop/ }).waitFor();
    expect((await switchboard.product.fetch('webshop')).envs.map((env) => [env.slug, env.name])).toEqual([
      ['prd', 'Production'],
      ['dev', 'Sandbox'],
    ]);
    await context.close();
  });

  it('lists the apps of the workspace', async () => {
    const { credentials, switchboard } = await workspace('workbench-apps');
    await switchboard.app.create({ tag: 'billing', name: 'Billing API', envs: [{ slug: 'prd', base_url: 'https://billing.example.com', request_type: 'JSON' }] });
    const { context, page } = await testbed.browser.open();
    await openWorkspaceSignedIn(context, page, credentials);
    await page.getByRole('table', { name: 'Apps' }).getByRole('row', { name: /billing.*Billing API/ }).waitFor();
    await context.close();
  });

  it('shows the API refusing a tag beside the Tag field, and creates nothing', async () => {
    const { credentials, switchboard } = await workspace('workbench-form-error');
    const { context, page } = await testbed.browser.open();
    await openWorkspaceSignedIn(context, page, credentials);
    const tag = page.getByRole('textbox', { name: 'Tag' });
    await tag.fill('web shop!');
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.getByText('must be 1-64 letters, digits, "_" or "-"', { exact: false }).waitFor();
    expect(await descriptionOf(tag)).toContain('must be 1-64 letters, digits, "_" or "-"');
    await expectAccessible(page, 'the create-product form with a field error');
    expect(await switchboard.product.fetchAll()).toEqual([]);
    await context.close();
  });
});
