import type { Browser } from 'playwright-core';
import { expectAccessible } from './expect-accessible.js';
import { launchBrowser } from './launch-browser.js';

describe('expectAccessible', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('passes a page without serious or critical violations', async () => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html lang="en"><head><title>Fine</title></head><body><main><h1>Fine</h1><img src="data:," alt="A dot"></main></body></html>');
    await expect(expectAccessible(page, 'a fine page')).resolves.toBeUndefined();
    await page.close();
  });

  // Only violations are collected in full: each one must still be found and named with its element.
  it('lists every serious or critical violation with the element it is on', async () => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html lang="en"><head><title>Broken</title></head><body><main><h1>Broken</h1><img src="data:," id="no-alt"><button id="empty"></button><p>Fine text</p></main></body></html>');
    const failure = await expectAccessible(page, 'a broken page').then(
      () => undefined,
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    expect(failure).toMatch(/^2 serious or critical accessibility violation\(s\) on a broken page:/);
    expect(failure).toMatch(/- critical image-alt: .*\n\s+on #no-alt: /);
    expect(failure).toMatch(/- critical button-name: .*\n\s+on #empty: /);
    await page.close();
  });
});
