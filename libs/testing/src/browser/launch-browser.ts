import { access } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium: `npx playwright install` downloads browsers, which these machines cannot; `.ci/run` installs it. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** Starts headless Chromium for browser tests; close it in afterAll. */
export async function launchBrowser(): Promise<Browser> {
  try {
    await access(CHROMIUM_PATH);
  } catch (error) {
    throw new Error(`Browser tests need Chromium at ${CHROMIUM_PATH}: install it with \`apt-get install chromium\` (.ci/run does)`, { cause: error });
  }
  return await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}
