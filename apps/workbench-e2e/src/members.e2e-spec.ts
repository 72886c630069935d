import { describe, expect, it, jest } from '@jest/globals';
import { Switchboard, SwitchboardError } from '@switchboard/sdk';
import { expectAccessible, type WorkspaceCredentials } from '@switchboard/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { openWorkspaceSignedIn, pickOption, workbenchTestbed } from './workbench-browser.js';

// Browser flows on a 2-core machine shared with other builds: a generous bound, not a timing assertion.
jest.setTimeout(180_000);

async function untilUsed(switchboard: Switchboard, userId: string, keyName: string): Promise<void> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
    const key = (await switchboard.members.keys.fetchAll(userId)).find((candidate) => candidate.name === keyName);
    if (key?.last_used_at != null) return;
  }
  throw new Error(`${keyName} was not recorded as used within 30 s`);
}

describe('Workspace settings → Members, API keys and Audit log', () => {
  const testbed = workbenchTestbed();

  async function workspace(name: string): Promise<{ credentials: WorkspaceCredentials; switchboard: Switchboard }> {
    const credentials = await testbed.platform.createWorkspace(name);
    return { credentials, switchboard: new Switchboard({ ...credentials, url: testbed.platform.url }) };
  }

  async function openSettings(credentials: WorkspaceCredentials, entry: string, heading: string): Promise<{ context: BrowserContext; page: Page }> {
    const { context, page } = await testbed.browser.open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: testbed.platform.url });
    await openWorkspaceSignedIn(context, page, credentials);
    const navigation = page.getByRole('navigation', { name: 'Main' });
    await navigation.getByRole('button', { name: 'Workspace settings' }).click();
    await navigation.getByRole('link', { name: entry }).click();
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    return { context, page };
  }

  it('adds a member with a role and shows their first key once, changes the role, removes them, and never offers to remove the owner', async () => {
    const { credentials, switchboard } = await workspace('workbench-members');
    const { context, page } = await openSettings(credentials, 'Members', 'Members');
    const table = page.getByRole('table', { name: 'Members' });
    const ownerRow = table.getByRole('row').filter({ hasText: credentials.user_id });
    await ownerRow.getByRole('cell', { name: 'Owner', exact: true }).waitFor();
    expect(await ownerRow.getByRole('button').count()).toBe(0);
    expect(await ownerRow.getByRole('combobox').count()).toBe(0);
    await expectAccessible(page, 'the members page');

    await page.getByRole('button', { name: 'Add member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a member' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Ada Lovelace');
    await pickOption(page, 'Role', /^Viewer/);
    await expectAccessible(page, 'the add-member dialog');
    await dialog.getByRole('button', { name: 'Add member' }).click();

    const issued = page.getByRole('dialog', { name: 'Ada Lovelace added' });
    await issued.getByText('Copy the private key now').waitFor();
    await expectAccessible(page, 'the issued key dialog');
    await issued.getByRole('button', { name: 'Copy the private key' }).click();
    const privateKey = await page.evaluate<string>('navigator.clipboard.readText()');
    const [ada] = (await switchboard.members.fetchAll()).filter((member) => member.name === 'Ada Lovelace');
    expect(ada.role).toBe('viewer');
    // The key on the clipboard is Ada's: it calls the API as her.
    const asAda = new Switchboard({ workspace_id: credentials.workspace_id, user_id: ada.user_id, private_key: privateKey, url: testbed.platform.url });
    expect((await asAda.members.fetch(ada.user_id)).name).toBe('Ada Lovelace');
    await issued.getByRole('button', { name: 'I have copied the key' }).click();
    await issued.waitFor({ state: 'detached' });
    // Shown once: nothing of it is left on the page.
    expect(await page.content()).not.toContain(privateKey);

    const adaRow = table.getByRole('row').filter({ hasText: ada.user_id });
    await pickOption(page, 'Role of Ada Lovelace', 'Developer');
    await page.getByText('Ada Lovelace is now Developer.').waitFor();
    expect((await switchboard.members.fetch(ada.user_id)).role).toBe('developer');

    await adaRow.getByRole('button', { name: 'Remove Ada Lovelace' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove Ada Lovelace?' });
    // Open before the scan: one begun while it is still mounting misses its fade-in, and reads its text half transparent.
    await confirm.waitFor();
    await expectAccessible(page, 'the remove-member dialog');
    await confirm.getByRole('button', { name: 'Remove member' }).click();
    await adaRow.waitFor({ state: 'detached' });
    expect((await switchboard.members.fetchAll()).map((member) => member.user_id)).toEqual([credentials.user_id]);
    await expect(asAda.members.fetchAll()).rejects.toMatchObject({ status: 401 });
    await context.close();
  });

  it("shows the API's refusal when the owner's removal is forced through a page that believes the owner is an admin", async () => {
    const { credentials, switchboard } = await workspace('workbench-owner-stays');
    const { context, page } = await testbed.browser.open();
    // The page is told the owner is a mere admin, so it offers what it never offers the owner: the API still refuses.
    await page.route('**/v1/members', async (route) => {
      const reply = await route.fetch();
      const members = (await reply.json()) as { user_id: string; role: string }[];
      await route.fulfill({ response: reply, json: members.map((member) => ({ ...member, role: member.role === 'owner' ? 'admin' : member.role })) });
    });
    await openWorkspaceSignedIn(context, page, credentials);
    await page.goto('/settings/members');
    const ownerRow = page.getByRole('table', { name: 'Members' }).getByRole('row').filter({ hasText: credentials.user_id });
    await ownerRow.getByRole('button', { name: /^Remove / }).click();
    const confirm = page.getByRole('dialog', { name: /^Remove .+\?$/ });
    await confirm.getByRole('button', { name: 'Remove member' }).click();
    await confirm.getByText('Could not remove the member').waitFor();
    await confirm.getByText(`Cannot remove ${credentials.user_id}: the workspace's owner keeps that role and cannot be removed`).waitFor();
    await confirm.getByText('owner_protected').waitFor();
    await expectAccessible(page, 'the remove-member dialog with the refusal');
    expect((await switchboard.members.fetch(credentials.user_id)).role).toBe('owner');
    await context.close();
  });

  it("shows the API's refusal, naming the role, to an admin demoted while their page is open", async () => {
    const { credentials, switchboard } = await workspace('workbench-demoted');
    const created = await switchboard.members.create({ name: 'Lin Admin', role: 'admin' });
    const admin = { workspace_id: credentials.workspace_id, user_id: created.user_id, private_key: created.key.private_key };
    const { context, page } = await openSettings(admin, 'Members', 'Members');
    await page.getByRole('button', { name: 'Add member' }).click();
    await switchboard.members.update(admin.user_id, { role: 'developer' });
    const dialog = page.getByRole('dialog', { name: 'Add a member' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Too late');
    await dialog.getByRole('button', { name: 'Add member' }).click();
    await dialog.getByText('Could not add the member').waitFor();
    await dialog.getByText(/^Your role \(developer\) cannot POST .+: it needs admin or above; ask a workspace admin$/).waitFor();
    expect((await switchboard.members.fetchAll()).map((member) => member.name)).not.toContain('Too late');
    await context.close();
  });

  it('creates an API key shown once and copyable, lists its name, expiry and last use, rotates it and revokes it', async () => {
    const { credentials } = await workspace('workbench-api-keys');
    const { context, page } = await openSettings(credentials, 'API keys', 'Your API keys');
    const table = page.getByRole('table', { name: 'Your API keys' });
    await expectAccessible(page, 'the API keys page');

    await page.getByRole('button', { name: 'Create key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create an API key' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('CI deploys');
    await dialog.getByLabel('Expires at').fill('2099-06-30T12:00');
    await expectAccessible(page, 'the create-key dialog');
    await dialog.getByRole('button', { name: 'Create key' }).click();

    const created = page.getByRole('dialog', { name: 'API key created' });
    await created.getByRole('button', { name: 'Copy the private key' }).click();
    const firstKey = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(firstKey.length).toBeGreaterThan(20);
    await created.getByRole('button', { name: 'I have copied the key' }).click();
    await created.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(firstKey);

    const row = table.getByRole('row').filter({ hasText: 'CI deploys' });
    await row.getByRole('cell', { name: /2099/ }).waitFor();
    await row.getByRole('cell', { name: 'Not used yet' }).waitFor();
    const asKey = (privateKey: string) => new Switchboard({ ...credentials, private_key: privateKey, url: testbed.platform.url });
    await asKey(firstKey).members.fetchAll();
    // The gateway records a use off the reply's path: once it has, the page shows it.
    await untilUsed(asKey(firstKey), credentials.user_id, 'CI deploys');
    await page.reload();
    await row.getByRole('cell', { name: 'Not used yet' }).waitFor({ state: 'detached' });

    await row.getByRole('button', { name: 'Rotate CI deploys' }).click();
    const rotate = page.getByRole('dialog', { name: 'Rotate CI deploys?' });
    await rotate.waitFor();
    await expectAccessible(page, 'the rotate-key dialog');
    await rotate.getByRole('button', { name: 'Rotate key' }).click();
    const rotated = page.getByRole('dialog', { name: 'API key rotated' });
    await rotated.getByRole('button', { name: 'Copy the private key' }).click();
    const secondKey = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(secondKey).not.toBe(firstKey);
    await rotated.getByRole('button', { name: 'I have copied the key' }).click();
    await expect(asKey(firstKey).members.fetchAll()).rejects.toBeInstanceOf(SwitchboardError);
    await asKey(secondKey).members.fetchAll();
    await row.getByRole('cell', { name: 'Never', exact: true }).waitFor({ state: 'detached' });

    await row.getByRole('button', { name: 'Revoke CI deploys' }).click();
    const revoke = page.getByRole('dialog', { name: 'Revoke CI deploys?' });
    await revoke.getByRole('button', { name: 'Revoke key' }).click();
    await row.waitFor({ state: 'detached' });
    await expect(asKey(secondKey).members.fetchAll()).rejects.toMatchObject({ status: 401 });
    await context.close();
  });

  it("lets the owner manage another member's keys from the members table", async () => {
    const { credentials, switchboard } = await workspace('workbench-others-keys');
    const bob = await switchboard.members.create({ name: 'Bob', role: 'developer' });
    const { context, page } = await openSettings(credentials, 'Members', 'Members');
    await page.getByRole('link', { name: 'API keys of Bob' }).click();
    await page.getByRole('heading', { name: 'API keys of Bob', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'API keys of Bob' });
    await table.getByRole('row').filter({ hasText: bob.key.key_id }).waitFor();

    await page.getByRole('button', { name: 'Create key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create an API key' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Bob laptop');
    await dialog.getByRole('button', { name: 'Create key' }).click();
    const created = page.getByRole('dialog', { name: 'API key created' });
    // The key is Bob's: his user id is what signs in with it.
    await created.getByText(bob.user_id, { exact: true }).waitFor();
    await created.getByRole('button', { name: 'I have copied the key' }).click();
    await table.getByRole('row').filter({ hasText: 'Bob laptop' }).waitFor();

    await table.getByRole('row').filter({ hasText: bob.key.key_id }).getByRole('button', { name: 'Revoke first key' }).click();
    await page.getByRole('dialog', { name: 'Revoke first key?' }).getByRole('button', { name: 'Revoke key' }).click();
    await table.getByRole('row').filter({ hasText: bob.key.key_id }).waitFor({ state: 'detached' });
    const asBob = new Switchboard({ workspace_id: credentials.workspace_id, user_id: bob.user_id, private_key: bob.key.private_key, url: testbed.platform.url });
    await expect(asBob.members.fetchAll()).rejects.toMatchObject({ status: 401 });
    expect((await switchboard.members.keys.fetchAll(bob.user_id)).map((key) => key.name)).toEqual(['Bob laptop']);
    await page.getByRole('link', { name: '← Members' }).click();
    await page.getByRole('heading', { name: 'Members', level: 1 }).waitFor();
    await context.close();
  });

  it('lists the changes just made with who, what and when, newest first, and pages to older events', async () => {
    const { credentials, switchboard } = await workspace('workbench-audit');
    const { context, page } = await openSettings(credentials, 'Members', 'Members');
    await page.getByRole('button', { name: 'Add member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a member' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Grace Hopper');
    await dialog.getByRole('button', { name: 'Add member' }).click();
    await page.getByRole('dialog', { name: 'Grace Hopper added' }).getByRole('button', { name: 'I have copied the key' }).click();
    await pickOption(page, 'Role of Grace Hopper', 'Admin');
    await page.getByText('Grace Hopper is now Admin.').waitFor();
    const grace = (await switchboard.members.fetchAll()).find((member) => member.name === 'Grace Hopper')!;

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    const log = page.getByRole('table', { name: 'Audit log' });
    const rows = log.getByRole('row').filter({ hasText: credentials.user_id });
    await rows.first().waitFor();
    // Newest first: the role change, then the addition; each with its author, its operation and its time.
    const texts = await rows.allTextContents();
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain(`PATCH /v1/members/{member}/v1/members/${grace.user_id}`);
    expect(texts[1]).toContain('POST /v1/members/v1/members');
    expect(texts[1]).toContain(grace.user_id);
    const [newest] = await switchboard.audit.fetch({ limit: 1 });
    expect(texts[0]).toContain(new Date(newest.at).toLocaleString('en-US'));
    await page.getByText('2 events: the whole log.').waitFor();
    await expectAccessible(page, 'the audit log');

    // Fifty more changes through the API: the first page is theirs, the older button asks for the two before them.
    for (let index = 0; index < 50; index += 1) await switchboard.members.update(grace.user_id, { name: `Grace Hopper ${index}` });
    await page.getByRole('button', { name: 'Refresh' }).click();
    await log.getByRole('row').filter({ hasText: 'POST /v1/members' }).waitFor({ state: 'detached' });
    // The header row and a page of 50 events.
    expect(await log.getByRole('row').count()).toBe(1 + 50);
    const older = page.waitForRequest((request) => new URL(request.url()).searchParams.has('before'));
    await page.getByRole('button', { name: 'Show older events' }).click();
    expect(new URL((await older).url()).searchParams.get('before')).toMatch(/^aud_\d+$/);
    await log.getByRole('row').filter({ hasText: 'POST /v1/members' }).waitFor();
    await page.getByText('52 events: the whole log.').waitFor();
    await context.close();
  });
});
