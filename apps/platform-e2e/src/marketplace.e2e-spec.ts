import pg from 'pg';
import { SwitchboardError, type Switchboard } from '@switchboard/sdk';
import { rejectionOf, startPlatform, type Platform } from '@switchboard/testing';
import { switchboardFor } from './switchboard-for.js';

// The marketplace through the SDK: browsing, installing copies a workspace owns, and updating one that fell behind.
describe('The app marketplace through the SDK', () => {
  let platform: Platform;
  let switchboard: Switchboard;

  beforeAll(async () => {
    platform = await startPlatform();
    switchboard = switchboardFor(platform, await platform.createWorkspace('marketplace'));
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('lists at least 25 templates with their category counts, and pages', async () => {
    const all = await switchboard.marketplace.list({ limit: 100 });
    expect(all.total).toBeGreaterThanOrEqual(25);
    expect(all.items.map((item) => item.tag)).toEqual(expect.arrayContaining(['stripe', 'sendgrid', 'twilio', 'github', 'openai', 'anthropic']));
    expect(all.categories.reduce((sum, entry) => sum + entry.count, 0)).toBe(all.total);
    const page = await switchboard.marketplace.list({ offset: 2, limit: 3 });
    expect(page.items.map((item) => item.tag)).toEqual(all.items.slice(2, 5).map((item) => item.tag));
  });

  it('searches names and descriptions and filters by category', async () => {
    const found = await switchboard.marketplace.search('stripe');
    expect(found.items.map((item) => item.tag)).toEqual(['stripe']);
    const payments = await switchboard.marketplace.list({ category: 'payments' });
    expect(payments.items.every((item) => item.category === 'payments')).toBe(true);
    expect(payments.items.map((item) => item.tag)).toEqual(expect.arrayContaining(['stripe', 'paypal', 'paystack', 'flutterwave']));
  });

  it('fetches one template with the actions it installs', async () => {
    const stripe = await switchboard.marketplace.fetch('stripe');
    expect(stripe).toMatchObject({ tag: 'stripe', name: 'Stripe', category: 'payments', docs_url: 'https://docs.stripe.com/api' });
    expect(stripe.logo).toMatch(/^<svg/);
    expect(stripe.app.actions?.find((action) => action.tag === 'create-charge')).toMatchObject({ method: 'POST', path: '/v1/charges', request_type: 'FORM' });
  });

  it('installs a template under its own tag or another, each a copy the workspace owns', async () => {
    const slack = await switchboard.marketplace.install('slack');
    expect(slack).toMatchObject({ tag: 'slack', name: 'Slack', template: { tag: 'slack', update_available: false } });
    const second = await switchboard.marketplace.install('slack', { tag: 'slack-support' });
    expect(second).toMatchObject({ tag: 'slack-support', template: { tag: 'slack' } });
    expect(second.actions.map((action) => action.tag)).toEqual(slack.actions.map((action) => action.tag));
    const changed = await switchboard.app.update('slack-support', { name: 'Support Slack' });
    expect(changed.name).toBe('Support Slack');
    expect((await switchboard.app.fetch('slack')).name).toBe('Slack');
  });

  it('refuses an unknown template and a tag the workspace already has, creating nothing', async () => {
    const unknown = await rejectionOf(switchboard.marketplace.install('no-such-vendor'), SwitchboardError);
    expect([unknown.status, unknown.code, unknown.message]).toEqual([404, 'template_not_found', "Marketplace template 'no-such-vendor' not found"]);
    const fetched = await rejectionOf(switchboard.marketplace.fetch('no-such-vendor'), SwitchboardError);
    expect([fetched.status, fetched.code]).toEqual([404, 'template_not_found']);
    const before = (await switchboard.app.fetchAll()).length;
    const taken = await rejectionOf(switchboard.marketplace.install('slack'), SwitchboardError);
    expect([taken.status, taken.code]).toEqual([409, 'app_tag_taken']);
    expect(await switchboard.app.fetchAll()).toHaveLength(before);
  });

  it('shows an installed app behind its template and updates it through an added/changed/removed preview', async () => {
    await switchboard.marketplace.install('resend');
    const latest = (await switchboard.marketplace.fetch('resend')).version;
    // An install from an older template version: an older version recorded, one action it did not have yet removed.
    await switchboard.app.update('resend', { remove_actions: ['send-batch'], name: 'My Resend' });
    const client = new pg.Client({ connectionString: platform.databaseUrl });
    await client.connect();
    await client.query("UPDATE catalog.apps SET template_version = '0.9.0' WHERE tag = 'resend'");
    await client.end();

    const behind = await switchboard.app.fetch('resend');
    expect(behind.template).toEqual({ tag: 'resend', version: '0.9.0', latest_version: latest, update_available: true });
    const preview = await switchboard.marketplace.previewUpdate('resend');
    expect(preview).toMatchObject({ app: 'resend', template: 'resend', from_version: '0.9.0', to_version: latest, update_available: true });
    expect(preview.diff.actions).toEqual({ added: ['send-batch'], changed: [], removed: [] });
    expect(preview.diff.fields).toEqual(['name']);

    const updated = await switchboard.marketplace.applyUpdate('resend');
    expect(updated.name).toBe('Resend');
    expect(updated.actions.map((action) => action.tag)).toContain('send-batch');
    expect(updated.template).toEqual({ tag: 'resend', version: latest, latest_version: latest, update_available: false });
    expect((await switchboard.marketplace.previewUpdate('resend')).update_available).toBe(false);
  });

  it('publishes a workspace app to a private listing that installs there and that other workspaces never see', async () => {
    await switchboard.app.create({
      tag: 'billing-core',
      name: 'Billing core',
      description: 'Our internal billing API',
      envs: [{ slug: 'prd', base_url: 'https://billing.internal.example.com', request_type: 'JSON' }],
      actions: [{ tag: 'create-invoice', method: 'POST', path: '/invoices' }],
    });
    const published = await switchboard.marketplace.publish('billing-core', { category: 'payments', version: '1.0.0' });
    expect(published).toMatchObject({ tag: 'billing-core', name: 'Billing core', source: 'workspace', version: '1.0.0', docs_url: null, action_count: 1 });
    expect((await switchboard.marketplace.search('internal billing')).items.map((item) => [item.tag, item.source])).toEqual([['billing-core', 'workspace']]);
    const installed = await switchboard.marketplace.install('billing-core', { tag: 'billing-copy' });
    expect(installed).toMatchObject({ tag: 'billing-copy', template: { tag: 'billing-core', version: '1.0.0' } });
    expect(installed.actions.map((action) => action.tag)).toEqual(['create-invoice']);

    const other = switchboardFor(platform, await platform.createWorkspace('marketplace-other'));
    expect((await other.marketplace.search('billing')).items).toEqual([]);
    const hidden = await rejectionOf(other.marketplace.install('billing-core'), SwitchboardError);
    expect([hidden.status, hidden.code]).toEqual([404, 'template_not_found']);
    const unknownApp = await rejectionOf(other.marketplace.publish('billing-core', { category: 'payments', version: '1.0.0' }), SwitchboardError);
    expect([unknownApp.status, unknownApp.code]).toEqual([404, 'app_not_found']);
  });

  it('refuses to publish an app whose definition, schemas included, is too large to fetch whole, publishing nothing', async () => {
    const wordy = { type: 'object', description: 'd'.repeat(9000) };
    const actions = Array.from({ length: 90 }, (_, index) => ({ tag: `op-${index}`, method: 'POST' as const, path: `/op/${index}`, schema: { body: wordy } }));
    await switchboard.app.create({ tag: 'wordy-api', actions });

    const refused = await rejectionOf(switchboard.marketplace.publish('wordy-api', { category: 'developer-tools', version: '1.0.0' }), SwitchboardError);

    expect([refused.status, refused.code]).toEqual([413, 'app_too_large']);
    expect(refused.message).toMatch(/^App 'wordy-api' is \d+ bytes with its schemas, more than the 786432 a marketplace template may be/);
    expect((await switchboard.marketplace.search('wordy-api')).items).toEqual([]);
  });

  it('refuses a template update for an app made in the workspace', async () => {
    await switchboard.app.create({ tag: 'in-house' });
    const error = await rejectionOf(switchboard.marketplace.previewUpdate('in-house'), SwitchboardError);
    expect([error.status, error.code, error.message]).toEqual([404, 'template_not_found', "App 'in-house' was not installed from a marketplace template"]);
  });
});
