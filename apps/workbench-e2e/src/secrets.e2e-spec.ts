import { describe, expect, it, jest } from '@jest/globals';
import { Switchboard } from '@switchboard/sdk';
import { expectAccessible, type WorkspaceCredentials } from '@switchboard/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { descriptionOf, openSecretsFromNavbar, openWorkspaceSignedIn, workbenchTestbed } from './workbench-browser.js';

// Browser flows on a 2-core machine shared with other builds: a generous bound, not a timing assertion.
jest.setTimeout(180_000);

describe('Workspace Settings → Secrets (seed 002)', () => {
  const testbed = workbenchTestbed();

  async function workspace(name: string): Promise<{ credentials: WorkspaceCredentials; switchboard: Switchboard }> {
    const credentials = await testbed.platform.createWorkspace(name);
    return { credentials, switchboard: new Switchboard({ ...credentials, url: testbed.platform.url }) };
  }

  // Signed in, on the secrets page reached through the navbar as a user would; console lines kept to look for values.
  async function openSecrets(credentials: WorkspaceCredentials): Promise<{ context: BrowserContext; page: Page; consoleLines: string[] }> {
    const { context, page } = await testbed.browser.open();
    const consoleLines: string[] = [];
    page.on('console', (message) => consoleLines.push(message.text()));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: testbed.platform.url });
    await openWorkspaceSignedIn(context, page, credentials);
    await openSecretsFromNavbar(page);
    return { context, page, consoleLines };
  }

  it('creates a secret whose value is never shown again, and its copy icon puts $Token{KEY} on the clipboard', async () => {
    const { credentials, switchboard } = await workspace('workbench-secrets-copy');
    const value = 'sk_test_never_shown_4242';
    const { context, page, consoleLines } = await openSecrets(credentials);
    await page.getByText('No secrets yet').waitFor();
    await expectAccessible(page, 'the empty secrets page');

    await page.getByRole('button', { name: 'Create secret' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create a secret' });
    await dialog.getByRole('textbox', { name: 'Key' }).fill('STRIPE_KEY');
    await dialog.getByLabel('Value').fill(value);
    await dialog.getByLabel('Scope', { exact: true }).fill('stripe-payments');
    await dialog.getByLabel('Scope', { exact: true }).press('Enter');
    await expectAccessible(page, 'the create-secret dialog');
    await dialog.getByRole('button', { name: 'Create secret' }).click();

    const row = page.getByRole('table', { name: 'Secrets' }).getByRole('row', { name: /STRIPE_KEY/ });
    await row.getByRole('cell', { name: 'stripe-payments' }).waitFor();
    await row.getByRole('cell', { name: 'Not used yet' }).waitFor();
    await dialog.waitFor({ state: 'detached' });
    await expectAccessible(page, 'the secrets page with a secret');

    await row.getByRole('button', { name: 'Copy $Token{STRIPE_KEY}' }).click();
    await page.getByText('$Token{STRIPE_KEY} is on the clipboard').waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe('$Token{STRIPE_KEY}');

    // Nowhere the browser keeps or shows things: the page, its storage, its console.
    const storage = [JSON.stringify(await context.storageState()), await page.evaluate<string>('JSON.stringify({ ...sessionStorage })')];
    expect([await page.content(), ...storage, ...consoleLines].filter((text) => text.includes(value))).toEqual([]);
    expect(await switchboard.secrets.list()).toMatchObject([{ key: 'STRIPE_KEY', scope: ['stripe-payments'], version: 1 }]);
    await context.close();
  });

  it('shows the API refusing a key beside the Key field, and creates nothing', async () => {
    const { credentials, switchboard } = await workspace('workbench-secrets-error');
    const { context, page } = await openSecrets(credentials);
    await page.getByRole('button', { name: 'Create secret' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create a secret' });
    const key = dialog.getByRole('textbox', { name: 'Key' });
    await key.fill('stripe key!');
    await dialog.getByLabel('Value').fill('sk_test_1');
    await dialog.getByRole('button', { name: 'Create secret' }).click();
    await dialog.getByText('key must be 1-128 letters, digits or "_" (case-sensitive)').waitFor();
    expect(await descriptionOf(key)).toContain('key must be 1-128 letters, digits or "_" (case-sensitive)');
    await expectAccessible(page, 'the create-secret dialog with a field error');
    expect(await switchboard.secrets.list()).toEqual([]);
    await context.close();
  });

  it('rotates a secret, shows its versions and audit log on its page, and deletes it after asking', async () => {
    const { credentials, switchboard } = await workspace('workbench-secrets-rotate');
    await switchboard.secrets.create({ key: 'SENDGRID_KEY', value: 'SG.first', envs: ['prd'] });
    const { context, page } = await openSecrets(credentials);
    const row = page.getByRole('table', { name: 'Secrets' }).getByRole('row', { name: /SENDGRID_KEY/ });
    await row.getByRole('cell', { name: 'prd', exact: true }).waitFor();

    await row.getByRole('button', { name: 'Rotate SENDGRID_KEY' }).click();
    const rotate = page.getByRole('dialog', { name: 'Rotate SENDGRID_KEY' });
    await rotate.getByLabel('New value').fill('SG.second');
    await expectAccessible(page, 'the rotate dialog');
    await rotate.getByRole('button', { name: 'Rotate secret' }).click();
    await rotate.waitFor({ state: 'detached' });
    expect((await switchboard.secrets.list())[0]?.version).toBe(2);

    await row.getByRole('link', { name: 'SENDGRID_KEY' }).click();
    await page.getByRole('heading', { name: 'SENDGRID_KEY', level: 1 }).waitFor();
    const versions = page.getByRole('table', { name: 'Versions' });
    await versions.getByRole('row', { name: /2 \(current\) Rotated/ }).waitFor();
    await versions.getByRole('row', { name: /1 Created/ }).waitFor();
    const audit = page.getByRole('table', { name: 'Audit log' });
    // Who: the member's name over their user id.
    await audit.getByRole('row', { name: new RegExp(`Rotated 2 Owner ${credentials.user_id}`) }).waitFor();
    await versions.getByRole('row', { name: new RegExp(`2 \\(current\\) Rotated .* Owner ${credentials.user_id}`) }).waitFor();
    await expectAccessible(page, 'the secret detail page');

    await page.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete SENDGRID_KEY?' });
    await confirm.waitFor();
    await expectAccessible(page, 'the delete confirmation');
    await confirm.getByRole('button', { name: 'Delete secret' }).click();
    await page.getByText('No secrets yet').waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings/secrets');
    expect(await switchboard.secrets.list()).toEqual([]);
    await context.close();
  });
});
