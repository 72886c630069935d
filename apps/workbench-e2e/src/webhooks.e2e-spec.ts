import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Switchboard } from '@switchboard/sdk';
import { expectAccessible, waitUntil } from '@switchboard/testing';
import { descriptionOf, openWorkspaceSignedIn, pickOption, workbenchTestbed } from './workbench-browser.js';

// One user's walk through a webhook's life on a 2-core machine other suites share: a bound for a stuck page, not a
// timing assertion.
jest.setTimeout(180_000);

/** What the local product endpoint received: the event id Switchboard forwarded under, and the bytes. */
interface Forwarded {
  webhookId: string;
  body: string;
}

/** GitHub's signature (docs.github.com, "Validating webhook deliveries"), computed here from the published algorithm. */
function githubSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

describe('A product’s Webhooks: create, receive signed events, inspect, replay, edit, delete', () => {
  // The product endpoint listens on 127.0.0.1, which the outbound address policy refuses unless allowed.
  const testbed = workbenchTestbed({ env: { SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1' } });
  const forwarded: Forwarded[] = [];
  let productEndpoint: Server;
  let forwardUrl: string;

  beforeAll(async () => {
    productEndpoint = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        forwarded.push({ webhookId: String(request.headers['webhook-id'] ?? ''), body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => productEndpoint.listen(0, '127.0.0.1', resolve));
    forwardUrl = `http://127.0.0.1:${(productEndpoint.address() as AddressInfo).port}/github`;
  });

  afterAll(async () => {
    await new Promise((resolve) => productEndpoint?.close(resolve));
  });

  it('creates a GitHub webhook with a picked secret, receives a valid and a tampered event, replays one, edits and deletes it', async () => {
    const credentials = await testbed.platform.createWorkspace('workbench-webhooks');
    const switchboard = new Switchboard({ ...credentials, url: testbed.platform.url });
    const signingSecret = randomBytes(20).toString('hex');
    await switchboard.product.init('shop', { name: 'Shop' });
    await switchboard.secrets.create({ key: 'GITHUB_WEBHOOK_SECRET', value: signingSecret });

    const { context, page } = await testbed.browser.open();
    const consoleLines: string[] = [];
    page.on('console', (message) => consoleLines.push(message.text()));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: testbed.platform.url });
    try {
      await openWorkspaceSignedIn(context, page, credentials);
      await page.goto('/products/shop');
      await page.getByRole('complementary', { name: 'Product sidebar' }).getByRole('link', { name: 'Manage' }).click();
      await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
      await page.getByText('No webhooks yet').waitFor();
      await expectAccessible(page, 'the empty webhooks page');

      // Create: a pasted secret first, refused beside its field; then the secret picked from the menu.
      await page.getByRole('button', { name: 'Create webhook' }).click();
      const create = page.getByRole('dialog', { name: 'Create a webhook' });
      await create.getByRole('textbox', { name: 'Name' }).fill('GitHub Webhook');
      expect(await create.getByRole('textbox', { name: 'Tag' }).inputValue()).toBe('github_webhook');
      await pickOption(page, 'Signature scheme', 'GitHub');
      const secretField = create.getByRole('textbox', { name: 'Signing secret' });
      await secretField.fill(signingSecret);
      await create.getByRole('textbox', { name: 'Forward URL' }).fill(forwardUrl);
      await create.getByRole('button', { name: 'Create webhook' }).click();
      await create.getByText('signing_secret must be a secret reference such as $Token{GITHUB_WEBHOOK_SECRET}').waitFor();
      expect(await descriptionOf(secretField)).toContain('not the secret itself');
      await expectAccessible(page, 'the create-webhook dialog with the pasted secret refused');
      await secretField.fill('');
      await create.getByRole('button', { name: 'Insert a secret into Signing secret' }).click();
      await page.getByRole('menuitem', { name: 'GITHUB_WEBHOOK_SECRET' }).click();
      expect(await secretField.inputValue()).toBe('$Token{GITHUB_WEBHOOK_SECRET}');
      await create.getByRole('button', { name: 'Create webhook' }).click();

      await page.getByRole('heading', { name: 'GitHub Webhook', level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/products/shop/webhooks/github_webhook');
      const stored = await switchboard.product.webhooks.fetch('github_webhook', 'shop');
      expect(stored).toMatchObject({ scheme: 'github', signing_secret: '$Token{GITHUB_WEBHOOK_SECRET}', forward_url: forwardUrl, app: null });
      expect(stored.envs.map((env) => env.env)).toEqual(['dev', 'stg', 'prd']);

      await page.getByRole('button', { name: 'Copy the receive URL of prd' }).click();
      await page.getByText('The prd receive URL is on the clipboard').waitFor();
      const receiveUrl = await page.evaluate<string>('navigator.clipboard.readText()');
      expect(receiveUrl).toBe(stored.envs.find((env) => env.env === 'prd')?.receive_url);

      // The forwarding secret: asked only on Reveal, gone on Hide.
      await page.getByRole('button', { name: 'Reveal' }).click();
      const forwardingSecret = (await switchboard.product.webhooks.forwardingSecret('github_webhook', 'shop')).secret;
      await page.getByRole('region', { name: 'Forwarding secret' }).getByText(forwardingSecret, { exact: true }).waitFor();
      await expectAccessible(page, 'the webhook page with its forwarding secret revealed');
      await page.getByRole('button', { name: 'Hide' }).click();
      await page.getByRole('button', { name: 'Reveal' }).waitFor();
      expect(await page.content()).not.toContain(forwardingSecret);

      // A validly signed event, and one whose body changed after signing.
      const body = '{"zen":"Design for failure.","hook_id":1}';
      const send = (payload: string, signature: string) =>
        fetch(receiveUrl, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-GitHub-Event': 'push', 'X-Hub-Signature-256': signature }, body: payload });
      expect((await send(body, githubSignature(signingSecret, body))).status).toBe(200);
      expect((await send(body.replace('failure', 'success'), githubSignature(signingSecret, body))).status).toBe(401);
      await waitUntil(() => Promise.resolve(forwarded.length === 1), { what: 'the valid event to reach the product endpoint', timeoutMs: 30_000, intervalMs: 100 });
      expect(forwarded[0]?.body).toBe(body);
      const deliveredId = forwarded[0]?.webhookId ?? '';
      await waitUntil(async () => (await switchboard.product.webhooks.events.list('github_webhook', { status: 'delivered' }, 'shop')).length === 1, {
        what: 'the event to be recorded delivered',
        timeoutMs: 30_000,
        intervalMs: 200,
      });

      const events = page.getByRole('table', { name: 'Events' });
      await page.getByRole('button', { name: 'Refresh' }).click();
      const accepted = events.getByRole('row').filter({ hasText: 'Verified' });
      await accepted.getByText('Delivered').waitFor();
      await events.getByRole('row').filter({ hasText: 'Failed: signature_invalid' }).getByText('Refused').waitFor();
      expect(await events.getByRole('row').count()).toBe(3);
      await expectAccessible(page, 'the webhook page with its event log');

      // Bulk recovery answers how many it queued: none is dead-lettered here.
      await page.getByRole('button', { name: 'Replay dead-lettered' }).click();
      const bulk = page.getByRole('dialog', { name: 'Replay dead-lettered events?' });
      await expectAccessible(page, 'the replay dead-lettered dialog');
      await bulk.getByRole('button', { name: 'Replay dead-lettered' }).click();
      await bulk.getByText('0 events queued again.').waitFor();
      await bulk.getByRole('button', { name: 'Close', exact: true }).click();
      await bulk.waitFor({ state: 'detached' });

      // The accepted event: what arrived, and its attempt against the product endpoint; then a replay and its attempt.
      await accepted.getByRole('link').click();
      await page.getByRole('heading', { name: /^Event received/, level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/products/shop/webhooks/github_webhook/events/${deliveredId}`);
      const attempts = page.getByRole('table', { name: 'Delivery attempts' });
      await attempts.getByRole('row', { name: /^Receipt 1 .* 204 / }).waitFor();
      await page.getByRole('table', { name: 'Headers' }).getByRole('cell', { name: 'x-hub-signature-256' }).waitFor();
      await page.getByText(body).waitFor();
      await expectAccessible(page, 'the event page');

      await page.getByRole('button', { name: 'Replay' }).click();
      const replay = page.getByRole('dialog', { name: 'Replay this event?' });
      await expectAccessible(page, 'the replay dialog');
      await replay.getByRole('button', { name: 'Replay event' }).click();
      await page.getByText('It is on its way to the forward URL again.').waitFor();
      await attempts.getByRole('row', { name: /^Replay 1 1 .* 204 / }).waitFor();
      expect(forwarded.map((request) => request.webhookId)).toEqual([deliveredId, deliveredId]);

      // Edit: renamed, and the forward URL cleared so the product pulls.
      await page.getByRole('link', { name: 'GitHub Webhook' }).click();
      await page.getByRole('heading', { name: 'GitHub Webhook', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Edit' }).click();
      const edit = page.getByRole('dialog', { name: 'Edit GitHub Webhook' });
      expect(await edit.getByRole('textbox', { name: 'Signing secret' }).inputValue()).toBe('$Token{GITHUB_WEBHOOK_SECRET}');
      await edit.getByRole('textbox', { name: 'Name' }).fill('GitHub pushes');
      await edit.getByRole('textbox', { name: 'Forward URL' }).fill('');
      await expectAccessible(page, 'the edit-webhook dialog');
      await edit.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { name: 'GitHub pushes', level: 1 }).waitFor();
      await edit.waitFor({ state: 'detached' });
      expect(await switchboard.product.webhooks.fetch('github_webhook', 'shop')).toMatchObject({ name: 'GitHub pushes', forward_url: null });

      await page.getByRole('button', { name: 'Delete' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete GitHub pushes?' });
      await expectAccessible(page, 'the delete-webhook confirmation');
      await confirm.getByRole('button', { name: 'Delete webhook' }).click();
      await page.getByText('No webhooks yet').waitFor();
      expect(new URL(page.url()).pathname).toBe('/products/shop/webhooks');
      expect(await switchboard.product.webhooks.fetchAll('shop')).toEqual([]);
      expect((await send(body, githubSignature(signingSecret, body))).status).toBe(404);

      // Neither secret was ever kept by the browser or logged.
      const kept = [JSON.stringify(await context.storageState()), await page.evaluate<string>('JSON.stringify({ ...sessionStorage, ...localStorage })'), ...consoleLines];
      expect(kept.filter((text) => text.includes(forwardingSecret) || text.includes(signingSecret))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
