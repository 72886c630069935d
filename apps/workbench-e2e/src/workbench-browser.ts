import { afterAll, beforeAll, expect } from '@jest/globals';
import { expectAccessible, launchBrowser, startPlatform, type Platform, type StartPlatformOptions, type WorkspaceCredentials } from '@switchboard/testing';
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
  beforeAll(async () => {
    platform = await startPlatform(options);
    browser = await WorkbenchBrowser.launch(platform);
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });
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

/** Signs in through the sign-in page as a user would, checking the page with axe first, and waits for the workspace. */
export async function signIn(page: Page, credentials: WorkspaceCredentials): Promise<void> {
  await page.goto('/sign-in');
  await page.getByRole('heading', { name: 'Sign in to Switchboard' }).waitFor();
  await expectAccessible(page, 'the sign-in page');
  await page.getByRole('textbox', { name: 'Workspace id' }).fill(credentials.workspace_id);
  await page.getByRole('textbox', { name: 'User id' }).fill(credentials.user_id);
  await page.getByLabel('Private key').fill(credentials.private_key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Workspace', level: 1 }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/');
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
