import { beforeAll, describe, expect, it } from '@jest/globals';
import { expectAccessible, waitUntil, type WorkspaceCredentials } from '@switchboard/testing';
import { openWorkspaceSignedIn, PHONE_VIEWPORT, sessionCookie, signIn, workbenchTestbed } from './workbench-browser.js';

describe('Signing in to the workbench and out again', () => {
  const testbed = workbenchTestbed();
  let credentials: WorkspaceCredentials;

  beforeAll(async () => {
    credentials = await testbed.platform.createWorkspace('workbench-sign-in');
  });

  it('sends a signed-out visitor of a workbench page to the sign-in page', async () => {
    const { context, page } = await testbed.browser.open();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in to Switchboard' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expectAccessible(page, 'the sign-in page');
    await context.close();
  });

  it('shows the gateway refusing wrong credentials, and keeps the user on the sign-in page', async () => {
    const { context, page } = await testbed.browser.open();
    await page.goto('/sign-in');
    await page.getByRole('textbox', { name: 'Workspace id' }).fill(credentials.workspace_id);
    await page.getByRole('textbox', { name: 'User id' }).fill(credentials.user_id);
    await page.getByLabel('Private key').fill('not-the-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Could not sign in' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('unauthenticated');
    await expectAccessible(page, 'the sign-in page with its error');
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });

  it('signs in with the printed credentials, stays signed in over a reload, and keeps no key in browser storage', async () => {
    const { context, page } = await testbed.browser.open();
    await signIn(page, credentials);
    await expectAccessible(page, 'the workspace page');
    await page.reload();
    await page.getByRole('heading', { name: 'Workspace', level: 1 }).waitFor();
    const storage = [JSON.stringify(await context.storageState()), await page.evaluate('JSON.stringify({ ...sessionStorage })')].join('\n');
    expect(storage).not.toContain(credentials.private_key);
    await context.close();
  });

  it('signs out: the page returns to sign-in and the old session cookie gets 401', async () => {
    const { context, page } = await testbed.browser.open();
    await openWorkspaceSignedIn(context, page, credentials);
    const cookie = await sessionCookie(context);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Switchboard' }).waitFor();
    const reply = await fetch(`${testbed.platform.url}/v1/sessions/current`, { headers: { cookie: `switchboard_session=${cookie}` } });
    expect(reply.status).toBe(401);
    expect(((await reply.json()) as { code: string }).code).toBe('unauthenticated');
    await context.close();
  });

  it('puts the navigation behind a menu button at 390 px wide', async () => {
    const { context, page } = await testbed.browser.open(PHONE_VIEWPORT);
    await openWorkspaceSignedIn(context, page, credentials);
    const workspaceLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workspace' });
    // Collapsed, the navbar sits left of the screen; opened, it slides over the page.
    expect((await workspaceLink.boundingBox())?.x).toBeLessThan(0);
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await waitUntil(async () => ((await workspaceLink.boundingBox())?.x ?? -1) >= 0, { what: 'the navbar to open', timeoutMs: 5_000, intervalMs: 50 });
    await expectAccessible(page, 'the workspace page at 390 px with the navigation open');
    await context.close();
  });
});
