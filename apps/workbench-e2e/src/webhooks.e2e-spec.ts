import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Switchboard } from '@switchboard/sdk';
import { expectAccessible, githubWebhook, startProductEndpoint, waitUntil, type ProductEndpoint } from '@switchboard/testing';
import { descriptionOf, openWorkspaceSignedIn, pickOption, waitForNotificationClosed, workbenchTestbed } from './workbench-browser.js';

// One user's walk through a webhook's life on a 2-core machine other suites share: a bound for a stuck page, not a
// timing assertion.
jest.setTimeout(180_000);

// A target is disabled after failing for this long, retried often enough meanwhile to get there well before its
// attempts (21, 100 ms apart) are used up: as apps/platform-e2e/src/webhook-targets.e2e-spec.ts does.
const DISABLE_AFTER_MS = 400;
const RETRY_SCHEDULE_MS = Array<number>(20).fill(100);

/** GitHub's signature (docs.github.com, "Validating webhook deliveries"), computed here from the published algorithm. */
function githubSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

describe('A product’s Webhooks: create, receive signed events, inspect, replay, edit, delete; rotate the forwarding secret; enable a disabled target', () => {
  // The product endpoint listens on 127.0.0.1, which the outbound address policy refuses unless allowed.
  const testbed = workbenchTestbed({
    env: {
      SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1',
      WEBHOOK_RETRY_SCHEDULE_MS: RETRY_SCHEDULE_MS.join(','),
      WEBHOOK_TARGET_DISABLE_AFTER_MS: String(DISABLE_AFTER_MS),
      WEBHOOK_DELIVERY_ACK_WAIT_MS: '1500',
    },
  });
  let productEndpoint: ProductEndpoint;
  let forwardUrl: string;

  beforeAll(async () => {
    productEndpoint = await startProductEndpoint();
    forwardUrl = `${productEndpoint.url}/github`;
  });

  afterAll(async () => {
    await productEndpoint?.close();
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
      const forwarded = () => productEndpoint.to('/github');
      await waitUntil(() => Promise.resolve(forwarded().length === 1), { what: 'the valid event to reach the product endpoint', timeoutMs: 30_000, intervalMs: 100 });
      expect(forwarded()[0]?.body.toString('utf8')).toBe(body);
      const deliveredId = forwarded()[0]?.webhookId ?? '';
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
      await waitForNotificationClosed(page, 'Receive URL copied');
      await expectAccessible(page, 'the webhook page with its event log');

      // Bulk recovery answers how many it queued: none is dead-lettered here.
      await page.getByRole('button', { name: 'Replay dead-lettered' }).click();
      const bulk = page.getByRole('dialog', { name: 'Replay dead-lettered events?' });
      await bulk.waitFor();
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
      await replay.waitFor();
      await expectAccessible(page, 'the replay dialog');
      await replay.getByRole('button', { name: 'Replay event' }).click();
      await page.getByText('It is on its way to the forward URL again.').waitFor();
      await attempts.getByRole('row', { name: /^Replay 1 1 .* 204 / }).waitFor();
      expect(forwarded().map((request) => request.webhookId)).toEqual([deliveredId, deliveredId]);

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
      await confirm.waitFor();
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

  it('rotates the forwarding secret with an overlap, shows a disabled target with its reason and held events, and enables it', async () => {
    const credentials = await testbed.platform.createWorkspace('workbench-webhook-delivery');
    const switchboard = new Switchboard({ ...credentials, url: testbed.platform.url });
    const signingSecret = randomBytes(20).toString('hex');
    await switchboard.product.init('shop', { name: 'Shop' });
    await switchboard.secrets.create({ key: 'GITHUB_WEBHOOK_SECRET', value: signingSecret });
    const created = await switchboard.product.webhooks.create(
      { name: 'Flaky', tag: 'flaky', scheme: 'github', signing_secret: '$Token{GITHUB_WEBHOOK_SECRET}', forward_url: `${productEndpoint.url}/flaky`, envs: ['prd'] },
      'shop',
    );
    const send = async (body: string): Promise<string> => {
      const signed = githubWebhook({ url: created.envs[0]?.receive_url ?? '', secret: signingSecret, body });
      const response = await fetch(signed.url, { method: 'POST', headers: signed.headers, body: signed.body });
      expect(response.status).toBe(200);
      return String(((await response.json()) as { event_id: string }).event_id);
    };

    const { context, page } = await testbed.browser.open();
    const consoleLines: string[] = [];
    page.on('console', (message) => consoleLines.push(message.text()));
    try {
      await openWorkspaceSignedIn(context, page, credentials);
      await page.goto('/products/shop/webhooks/flaky');
      await page.getByRole('heading', { name: 'Flaky', level: 1 }).waitFor();
      const delivery = page.getByRole('region', { name: 'Delivery' });
      await delivery.getByText('Healthy').waitFor();

      // Rotate: a week and more is refused beside the field, as the API says; two hours of overlap is taken.
      const secretRegion = page.getByRole('region', { name: 'Forwarding secret' });
      await secretRegion.getByRole('button', { name: 'Rotate' }).click();
      const rotate = page.getByRole('dialog', { name: 'Rotate the forwarding secret' });
      const overlap = rotate.getByRole('textbox', { name: 'Overlap (hours)' });
      expect(await overlap.inputValue()).toBe('24');
      await overlap.fill('200');
      await rotate.getByRole('button', { name: 'Rotate secret' }).click();
      await rotate.getByText(/overlap_seconds must not be greater than 604800/).waitFor();
      expect(await descriptionOf(overlap)).toContain('0 (stops at once) to 168 hours');
      await expectAccessible(page, 'the rotate-forwarding-secret dialog with a refused overlap');
      expect((await switchboard.product.webhooks.forwardingSecret('flaky', 'shop')).previous).toBeNull();
      await overlap.fill('2');
      await rotate.getByRole('button', { name: 'Rotate secret' }).click();
      await rotate.waitFor({ state: 'detached' });
      const rotated = await switchboard.product.webhooks.forwardingSecret('flaky', 'shop');
      expect(Date.parse(rotated.previous?.expires_at ?? '') - Date.parse(rotated.created_at)).toBe(7_200_000);
      await secretRegion.getByText(/^The previous secret also signs forwarded events until /).waitFor();
      expect(await page.content()).not.toContain(rotated.secret);
      await secretRegion.getByRole('button', { name: 'Reveal' }).click();
      await secretRegion.getByText(rotated.secret, { exact: true }).waitFor();
      await secretRegion.getByText(rotated.previous?.secret ?? 'no previous secret', { exact: true }).waitFor();
      await waitForNotificationClosed(page, 'Forwarding secret rotated');
      await expectAccessible(page, 'the forwarding secret revealed during a rotation’s overlap');
      await secretRegion.getByRole('button', { name: 'Hide' }).click();
      await secretRegion.getByRole('button', { name: 'Reveal' }).waitFor();
      const html = await page.content();
      expect([html.includes(rotated.secret), html.includes(rotated.previous?.secret ?? '')]).toEqual([false, false]);

      // The product endpoint fails until the target is disabled; what arrives then is held.
      productEndpoint.answer('/flaky', 503);
      const failing = await send('{"n":"first"}');
      await waitUntil(async () => (await switchboard.product.webhooks.fetch('flaky', 'shop')).delivery.state === 'disabled', {
        what: 'the failing target to be disabled',
        timeoutMs: 30_000,
        intervalMs: 100,
      });
      const held = [failing, await send('{"n":"held 1"}'), await send('{"n":"held 2"}')];
      await waitUntil(async () => (await switchboard.product.webhooks.fetch('flaky', 'shop')).delivery.held_events === 3, {
        what: 'three events to be held',
        timeoutMs: 30_000,
        intervalMs: 100,
      });

      await page.goto('/products/shop/webhooks');
      await page.getByRole('table', { name: 'Webhooks' }).getByRole('row').filter({ hasText: 'Flaky' }).getByText('Disabled').waitFor();
      await expectAccessible(page, 'the webhooks list with a disabled target');
      await page.getByRole('link', { name: 'Flaky' }).click();
      await delivery.getByText('Disabled', { exact: true }).waitFor();
      await delivery.getByText(/WEBHOOK_TARGET_DISABLE_AFTER_MS.*The forward URL answered 503/).waitFor();
      await delivery.getByText('3 held events, delivered once it is enabled.').waitFor();
      await expectAccessible(page, 'the webhook page with its delivery disabled');

      productEndpoint.answer('/flaky', 204);
      await delivery.getByRole('button', { name: 'Enable delivery' }).click();
      const enable = page.getByRole('dialog', { name: 'Enable delivery of Flaky?' });
      await enable.getByText(/^The 3 held events are delivered to/).waitFor();
      await expectAccessible(page, 'the enable-delivery confirmation');
      await enable.getByRole('button', { name: 'Enable delivery' }).click();
      await page.getByText('3 held events queued for the forward URL; delivery is healthy.').waitFor();
      await delivery.getByText('Healthy').waitFor();
      await waitUntil(async () => (await Promise.all(held.map(async (eventId) => (await switchboard.product.webhooks.events.fetch('flaky', eventId, 'shop')).status))).every((status) => status === 'delivered'), {
        what: 'the held events to be delivered',
        timeoutMs: 30_000,
        intervalMs: 100,
      });
      for (const eventId of held) expect(productEndpoint.withWebhookId(eventId).filter((request) => request.status === 204)).toHaveLength(1);
      await page.getByRole('button', { name: 'Refresh' }).click();
      const deliveredRows = page.getByRole('table', { name: 'Events' }).getByRole('row').filter({ hasText: 'Delivered' });
      await deliveredRows.nth(2).waitFor();
      expect(await deliveredRows.count()).toBe(3);

      const kept = [JSON.stringify(await context.storageState()), await page.evaluate<string>('JSON.stringify({ ...sessionStorage, ...localStorage })'), ...consoleLines];
      expect(kept.filter((text) => text.includes(rotated.secret) || text.includes(rotated.previous?.secret ?? rotated.secret))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
