import { describe, expect, it, jest } from '@jest/globals';
import { Switchboard } from '@switchboard/sdk';
import { expectAccessible } from '@switchboard/testing';
import { openWorkspaceSignedIn, workbenchTestbed } from './workbench-browser.js';

// Browser flows on a 2-core machine shared with other builds: a generous bound, not a timing assertion.
jest.setTimeout(180_000);

describe('App Overview: updating an app installed from a marketplace template', () => {
  const testbed = workbenchTestbed();

  it('shows what a newer template version changes, applies it, and shows nothing once the app is current', async () => {
    const credentials = await testbed.platform.createWorkspace('workbench-template-update');
    const switchboard = new Switchboard({ ...credentials, url: testbed.platform.url });
    await switchboard.app.create({
      tag: 'billing-core',
      name: 'Billing core',
      envs: [{ slug: 'prd', base_url: 'https://billing.internal.example.com', request_type: 'JSON' }],
      actions: [{ tag: 'create-invoice', method: 'POST', path: '/invoices' }],
    });
    await switchboard.marketplace.publish('billing-core', { category: 'payments', version: '1.0.0' });
    await switchboard.marketplace.install('billing-core', { tag: 'billing-copy' });
    await switchboard.app.update('billing-core', { actions: [{ tag: 'refund-invoice', method: 'POST', path: '/refunds' }] });
    await switchboard.marketplace.publish('billing-core', { category: 'payments', version: '1.1.0' });

    const { context, page } = await testbed.browser.open();
    await openWorkspaceSignedIn(context, page, credentials);
    // The app the template was published from is no install of it: nothing to update there.
    await page.goto('/apps/billing-core');
    await page.getByRole('heading', { name: 'Billing core', level: 1 }).waitFor();
    await page.getByText('Workspace app').waitFor();
    expect(await page.getByRole('region', { name: 'Update available' }).count()).toBe(0);

    await page.goto('/apps/billing-copy');
    const update = page.getByRole('region', { name: 'Update available' });
    await update.getByText('Template billing-core v1.0.0 → v1.1.0').waitFor();
    await update.getByRole('table', { name: 'Update available' }).getByRole('row', { name: 'Actions refund-invoice none none' }).waitFor();
    await expectAccessible(page, 'the App Overview with an update available');

    await update.getByRole('button', { name: 'Apply update' }).click();
    await page.getByText('From marketplace template billing-core v1.1.0').waitFor();
    await update.waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'Actions' }).getByRole('button', { name: /refund-invoice/ }).waitFor();
    expect((await switchboard.app.fetch('billing-copy')).template).toMatchObject({ version: '1.1.0', update_available: false });
    await expectAccessible(page, 'the App Overview once the app is current');
    await context.close();
  });
});
