import { afterAll, beforeAll, expect } from '@jest/globals';
import { launchBrowser, startPlatform, type Platform, type StartPlatformOptions, type WorkspaceCredentials } from '@switchboard/testing';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

/** The desktop size the issue asks the workbench to be usable at. */
export const DESKTOP_VIEWPORT = { width: 1280, height: 800 };
/** The phone width it must also be usable at. */
export const PHONE_VIEWPORT = { width: 390, height: 844 };

/** One browser for a spec file, and a fresh context (no cookies) per test. */
export class WorkbenchBrowser {
  private constructor(
    private readonly browser: Browser,
    private readonly platform: Platform,
  ) {}

  static async launch(platform: Platform): Promise<WorkbenchBrowser> {
    return new WorkbenchBrowser(await launchBrowser(), platform);
  }

  /** A new, signed-out browser context on the platform's gateway, and its first page. */
  async open(viewport = DESKTOP_VIEWPORT): Promise<{ context: BrowserContext; page: Page }> {
    const context = await this.browser.newContext({ baseURL: this.platform.url, viewport });
    return { context, page: await context.newPage() };
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

// Starting a platform and Chromium, or waiting out such a start to stop it, on a 2-core machine other suites share: a
// bound for a stuck start, not a timing assertion.
const LIFECYCLE_TIMEOUT_MS = 180_000;

/** The platform and the browser of a spec file, available in its tests. */
export interface WorkbenchTestbed {
  readonly platform: Platform;
  readonly browser: WorkbenchBrowser;
}

/**
 * Starts a platform (with `options`, e.g. the outbound allowance a local fake API needs) and Chromium before the spec
 * file's tests (call it in `describe`), and stops both after them.
 */
export function workbenchTestbed(options?: StartPlatformOptions): WorkbenchTestbed {
  let platform: Platform | undefined;
  let browser: WorkbenchBrowser | undefined;
  // Kept so that afterAll stops what a beforeAll that timed out (a busy machine) is still starting.
  let starting: Promise<unknown> | undefined;
  beforeAll(async () => {
    starting = (async () => {
      platform = await startPlatform(options);
      browser = await WorkbenchBrowser.launch(platform);
    })();
    await starting;
  }, LIFECYCLE_TIMEOUT_MS);
  afterAll(async () => {
    await starting?.catch(() => undefined);
    await browser?.close();
    await platform?.stop();
  }, LIFECYCLE_TIMEOUT_MS);
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The workbench testbed is not started: use it inside a test');
    return value;
  };
  return {
    get platform() {
      return started(platform);
    },
    get browser() {
      return started(browser);
    },
  };
}

/**
 * Signs in through the sign-in page as a user would and waits for the workspace. It checks nothing about the sign-in
 * page itself (sign-in.e2e-spec.ts scans it with axe, empty and with its error).
 */
export async function signIn(page: Page, credentials: WorkspaceCredentials): Promise<void> {
  await page.goto('/sign-in');
  await page.getByRole('heading', { name: 'Sign in to Switchboard' }).waitFor();
  await page.getByRole('textbox', { name: 'Workspace id' }).fill(credentials.workspace_id);
  await page.getByRole('textbox', { name: 'User id' }).fill(credentials.user_id);
  await page.getByLabel('Private key').fill(credentials.private_key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Workspace', level: 1 }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/');
}

/**
 * Signs `context` in through the API (POST /v1/sessions on the context's own cookie jar, so its pages are signed in)
 * for tests that are not about signing in: no page load of the sign-in page. Open the page under test next.
 */
export async function signInBySession(context: BrowserContext, credentials: WorkspaceCredentials): Promise<void> {
  const { workspace_id, user_id, private_key } = credentials;
  const reply = await context.request.post('/v1/sessions', { data: { workspace_id, user_id, private_key } });
  expect(reply.status()).toBe(201);
}

/** Signs `context` in through the API and opens the workspace page in `page`, once it shows. */
export async function openWorkspaceSignedIn(context: BrowserContext, page: Page, credentials: WorkspaceCredentials): Promise<void> {
  await signInBySession(context, credentials);
  await page.goto('/');
  await page.getByRole('heading', { name: 'Workspace', level: 1 }).waitFor();
}

/** Workspace settings → Secrets in the navbar, as a user reaches the secrets page; waits for its heading. */
export async function openSecretsFromNavbar(page: Page): Promise<void> {
  const navigation = page.getByRole('navigation', { name: 'Main' });
  await navigation.getByRole('button', { name: 'Workspace settings' }).click();
  await navigation.getByRole('link', { name: 'Secrets' }).click();
  await page.getByRole('heading', { name: 'Secrets', level: 1 }).waitFor();
}

/**
 * Waits until the toast titled `title` has closed itself (after 4 s), so that no later scan catches its text fading
 * out. Clicking its close button instead would race that close on a busy machine.
 */
export async function waitForNotificationClosed(page: Page, title: string): Promise<void> {
  await page.getByRole('alert').filter({ hasText: title }).waitFor({ state: 'detached' });
}

/** The value of the session cookie the gateway set in `context` (HttpOnly: the page's scripts cannot read it). */
export async function sessionCookie(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((candidate) => candidate.name === 'switchboard_session');
  if (cookie === undefined) throw new Error('The browser holds no switchboard_session cookie');
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe('Strict');
  return cookie.value;
}

/**
 * The text that describes a form control (its `aria-describedby` targets): where Mantine puts a field's description and
 * error, so "the error is beside its field" is this text containing it, and `aria-invalid` being true.
 */
export async function descriptionOf(control: Locator): Promise<string> {
  expect(await control.getAttribute('aria-invalid')).toBe('true');
  const ids = (await control.getAttribute('aria-describedby'))?.split(' ').filter(Boolean) ?? [];
  return (await Promise.all(ids.map((id) => control.page().locator(`[id="${id}"]`).textContent()))).join(' ');
}

/** Picks `option` in the Mantine select labelled `label` (a combobox whose options open in a listbox). */
export async function pickOption(page: Page, label: string, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}
