import { describe, expect, it } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { workbenchTestbed } from './workbench-browser.js';

// The budget for the JavaScript of the first load, gzipped.
const FIRST_LOAD_BUDGET_BYTES = 300 * 1024;

describe('The gateway serves the built workbench beside the API', () => {
  const testbed = workbenchTestbed();

  it('answers / and any deep link with the workbench page', async () => {
    for (const path of ['/', '/products/webshop', '/sign-in']) {
      const reply = await fetch(`${testbed.platform.url}${path}`);
      expect([path, reply.status, reply.headers.get('content-type')]).toEqual([path, 200, expect.stringMatching(/^text\/html/)]);
      expect(await reply.text()).toContain('<div id="root"></div>');
    }
  });

  it('keeps the JSON 404 of the API for an unknown /v1 route, and the API docs at /docs', async () => {
    const unknown = await fetch(`${testbed.platform.url}/v1/nothing-here`);
    expect([unknown.status, ((await unknown.json()) as { code: string }).code]).toEqual([404, 'route_not_found']);
    const docs = await fetch(`${testbed.platform.url}/docs`);
    expect([docs.status, await docs.text()]).toEqual([200, expect.stringContaining('swagger')]);
  });

  it(`loads the sign-in page with less than ${FIRST_LOAD_BUDGET_BYTES / 1024} KB of gzipped JavaScript`, async () => {
    const { context, page } = await testbed.browser.open();
    const scripts: Promise<Buffer>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.body());
    });
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'Sign in to Switchboard' }).waitFor();
    const gzipped = (await Promise.all(scripts)).reduce((total, body) => total + gzipSync(body).length, 0);
    process.stdout.write(`workbench first load: ${scripts.length} scripts, ${(gzipped / 1024).toFixed(1)} KB of JavaScript gzipped\n`);
    expect(scripts.length).toBeGreaterThan(0);
    expect(gzipped).toBeLessThan(FIRST_LOAD_BUDGET_BYTES);
    await context.close();
  });
});
