import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Switchboard, type CreateMemberInput } from '@switchboard/sdk';
import { expectAccessible, type WorkspaceCredentials } from '@switchboard/testing';
import type { Page } from 'playwright-core';
import { signIn, signInBySession, workbenchTestbed } from './workbench-browser.js';

// Browser flows on a 2-core machine shared with other builds: a generous bound, not a timing assertion.
jest.setTimeout(180_000);

// What every signed-in page offers whatever the role: the navbar's own buttons.
const SHELL_BUTTONS = ['Workspace settings', 'Sign out'];

const VIEWER_CANNOT_DEVELOP = 'Only developers, admins and the owner can';
const ADMINS_ONLY = 'Only admins and the owner can';

/** The names of the buttons the page offers outside the navbar, less those that only open and close a part of it. */
async function buttonsOf(page: Page): Promise<string[]> {
  const buttons = await page.getByRole('main').getByRole('button').and(page.locator(':not([aria-expanded])')).all();
  const names = await Promise.all(buttons.map(async (button) => ((await button.getAttribute('aria-label')) ?? (await button.textContent()) ?? '').trim()));
  return names.sort();
}

describe('What the workbench offers each role: nothing the API would refuse it', () => {
  const testbed = workbenchTestbed();
  let owner: WorkspaceCredentials;
  const members = {} as Record<CreateMemberInput['role'], WorkspaceCredentials>;

  beforeAll(async () => {
    owner = await testbed.platform.createWorkspace('workbench-roles');
    const switchboard = new Switchboard({ ...owner, url: testbed.platform.url });
    await switchboard.product.init('shop', { name: 'Shop' });
    await switchboard.product.app.connect('stripe');
    await switchboard.product.app.add({ access_tag: 'stripe-payments', app: 'stripe', envs: [{ slug: 'prd', base_url: 'https://api.stripe.example', request_type: 'JSON', active: true }] });
    await switchboard.secrets.create({ key: 'STRIPE_KEY', value: 'sk_test_roles_1' });
    await switchboard.secrets.create({ key: 'GITHUB_WEBHOOK_SECRET', value: 'roles-signing-secret' });
    await switchboard.product.webhooks.create({ name: 'Pushes', tag: 'pushes', scheme: 'github', signing_secret: '$Token{GITHUB_WEBHOOK_SECRET}', envs: ['prd'] }, 'shop');
    for (const role of ['viewer', 'developer', 'admin'] as const) {
      const created = await switchboard.members.create({ name: `A ${role}`, role });
      members[role] = { workspace_id: owner.workspace_id, user_id: created.user_id, private_key: created.key.private_key };
    }
  }, 120_000);

  async function signedIn(credentials: WorkspaceCredentials): Promise<Page> {
    const { context, page } = await testbed.browser.open();
    await signInBySession(context, credentials);
    return page;
  }

  /** Opens `path` and waits for its level-1 heading and for `settled`, text that shows once the member's role is known. */
  async function visit(page: Page, path: string, heading: string | RegExp, settled: string): Promise<void> {
    await page.goto(path);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    await page.getByText(settled).first().waitFor();
  }

  it('offers a viewer no change anywhere, says who may make it, and lets them manage their own keys', async () => {
    const { page } = await testbed.browser.open();
    await signIn(page, members.viewer);
    const navigation = page.getByRole('navigation', { name: 'Main' });
    await page.getByText(`${VIEWER_CANNOT_DEVELOP} create products; your role is viewer. Ask a workspace admin if you need it.`).waitFor();
    await expectAccessible(page, "the workspace page as a viewer");
    expect(await buttonsOf(page)).toEqual([]);
    await navigation.getByRole('button', { name: 'Workspace settings' }).click();
    expect(await navigation.getByRole('link').allTextContents()).toEqual(['Workspace', 'Marketplace', 'Runs', 'Secrets', 'Members', 'API keys']);
    expect((await navigation.getByRole('button').allTextContents()).sort()).toEqual(SHELL_BUTTONS.sort());

    await visit(page, '/products/shop', 'Shop', `${VIEWER_CANNOT_DEVELOP} connect apps to this product`);
    expect(await buttonsOf(page)).toEqual(['Refresh']);
    await visit(page, '/products/shop/connect', 'Connect App', `${VIEWER_CANNOT_DEVELOP} add apps and connect them to a product`);
    expect(await buttonsOf(page)).toEqual([]);
    await visit(page, '/products/shop/connections/stripe-payments', 'stripe-payments', `${VIEWER_CANNOT_DEVELOP} edit or disconnect connections`);
    expect(await buttonsOf(page)).toEqual([]);
    await visit(page, '/products/shop/webhooks', 'Webhooks', `${VIEWER_CANNOT_DEVELOP} create, change or replay webhooks`);
    expect(await buttonsOf(page)).toEqual([]);
    await visit(page, '/products/shop/webhooks/pushes', 'Pushes', `${VIEWER_CANNOT_DEVELOP} reveal or rotate the forwarding secret`);
    expect((await buttonsOf(page)).filter((name) => !name.startsWith('Copy '))).toEqual(['Refresh']);
    await visit(page, '/apps/stripe', 'Stripe', `${VIEWER_CANNOT_DEVELOP} integrate apps`);
    expect(await buttonsOf(page)).toEqual([]);
    await visit(page, '/marketplace/stripe', /Stripe/, `${VIEWER_CANNOT_DEVELOP} install apps from the marketplace`);
    expect(await buttonsOf(page)).toEqual([]);
    await visit(page, '/runner', 'Action runner', `${VIEWER_CANNOT_DEVELOP} plan and run actions`);
    expect(await buttonsOf(page)).toEqual([]);

    await visit(page, '/settings/secrets', 'Secrets', `${ADMINS_ONLY} create, rotate or delete secrets`);
    await page.getByRole('table', { name: 'Secrets' }).getByRole('row', { name: /STRIPE_KEY/ }).waitFor();
    expect(await buttonsOf(page)).toEqual(['Copy $Token{GITHUB_WEBHOOK_SECRET}', 'Copy $Token{STRIPE_KEY}']);
    await expectAccessible(page, 'the secrets page as a viewer');
    await visit(page, '/settings/secrets/STRIPE_KEY', 'STRIPE_KEY', `${ADMINS_ONLY} rotate or delete secrets`);
    expect(await buttonsOf(page)).toEqual(['Copy $Token{STRIPE_KEY}']);
    await visit(page, '/settings/members', 'Members', `${ADMINS_ONLY} add members, change their roles or remove them`);
    expect(await buttonsOf(page)).toEqual([]);
    expect(await page.getByRole('main').getByRole('combobox').count()).toBe(0);
    await expectAccessible(page, 'the members page as a viewer');
    await visit(page, '/settings/audit-log', 'Audit log', `${ADMINS_ONLY} read the audit log`);
    expect(await page.getByRole('table').count()).toBe(0);
    await visit(page, `/settings/members/${owner.user_id}/keys`, /^API keys of /, `${ADMINS_ONLY} manage another member's keys`);
    expect(await buttonsOf(page)).toEqual([]);

    // Their own keys are theirs to manage, as the API lets every member.
    await visit(page, '/settings/api-keys', 'Your API keys', 'first key');
    expect(await buttonsOf(page)).toEqual(['Create key', 'Revoke first key', 'Rotate first key']);
    await page.context().close();
  });

  it('offers a developer what developers may do, and nothing that needs an admin', async () => {
    const page = await signedIn(members.developer);
    const navigation = page.getByRole('navigation', { name: 'Main' });
    await page.goto('/');
    await page.getByRole('button', { name: 'Create product' }).waitFor();
    await navigation.getByRole('button', { name: 'Workspace settings' }).click();
    expect(await navigation.getByRole('link').allTextContents()).toEqual(['Workspace', 'Marketplace', 'Action runner', 'Runs', 'Secrets', 'Members', 'API keys']);

    await visit(page, '/products/shop/webhooks/pushes', 'Pushes', 'whsec_');
    await page.getByRole('button', { name: 'Reveal' }).waitFor();
    await page.getByRole('button', { name: 'Edit' }).waitFor();
    await visit(page, '/settings/secrets', 'Secrets', `${ADMINS_ONLY} create, rotate or delete secrets; your role is developer.`);
    await page.getByRole('table', { name: 'Secrets' }).getByRole('row', { name: /STRIPE_KEY/ }).waitFor();
    expect(await buttonsOf(page)).toEqual(['Copy $Token{GITHUB_WEBHOOK_SECRET}', 'Copy $Token{STRIPE_KEY}']);
    await visit(page, '/settings/members', 'Members', `${ADMINS_ONLY} add members`);
    expect(await buttonsOf(page)).toEqual([]);
    await visit(page, '/settings/audit-log', 'Audit log', `${ADMINS_ONLY} read the audit log`);
    await page.context().close();
  });

  it('offers an admin the secrets, members and the audit log', async () => {
    const page = await signedIn(members.admin);
    const navigation = page.getByRole('navigation', { name: 'Main' });
    await page.goto('/settings/secrets');
    await page.getByRole('button', { name: 'Create secret' }).waitFor();
    await page.getByRole('button', { name: 'Rotate STRIPE_KEY' }).waitFor();
    await navigation.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('table', { name: 'Audit log' }).waitFor();
    await navigation.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('button', { name: 'Add member' }).waitFor();
    await page.getByRole('combobox', { name: 'Role of A viewer' }).waitFor();
    await page.context().close();
  });
});
