import { Switchboard } from '@switchboard/sdk';
import { startFakeThirdPartyApi, startPlatform, waitUntil, type FakeThirdPartyApi, type Platform } from '@switchboard/testing';
import { refusal } from './switchboard-for.js';

// Seed 002 "In Environment Variables": a connection env's variables, whose values may reference secrets, used by runs as $Variable{KEY}.
describe('Connection variables in action runs', () => {
  let platform: Platform;
  let sendgrid: FakeThirdPartyApi;
  let switchboard: Switchboard;

  beforeAll(async () => {
    sendgrid = await startFakeThirdPartyApi();
    sendgrid.route('POST', '/v3/mail/send', () => ({ status: 202, body: { accepted: true } }));
    platform = await startPlatform({ env: { SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1' } });
    switchboard = new Switchboard({ ...(await platform.createWorkspace('variables')), url: platform.url });

    await switchboard.app.create({
      tag: 'email_service',
      envs: [{ slug: 'prd', base_url: sendgrid.url, request_type: 'JSON' }],
      actions: [{ tag: 'send_email', method: 'POST', path: '/v3/mail/send' }],
      auth: [{ tag: 'key_header', type: 'api_key', in: 'header', name: 'X-Key' }],
    });
    await switchboard.secrets.create({ key: 'SENDGRID_API_KEY', value: 'SG.variables-spec-value', scope: ['email_service'] });
    await switchboard.product.init('my_product');
    await switchboard.product.apps.add({
      access_tag: 'email_service',
      envs: [
        {
          app_env_slug: 'prd',
          product_env_slug: 'prd',
          variables: [
            { key: 'SENDGRID_KEY', value: '$Token{SENDGRID_API_KEY}' },
            { key: 'FROM_EMAIL', value: 'noreply@example.com' },
          ],
          auth: [],
        },
      ],
    });
  });

  afterAll(async () => {
    await platform?.stop();
    await sendgrid?.stop();
  });

  const sendEmail = (input: object) => ({ env: 'prd', product: 'my_product', app: 'email_service', event: 'send_email', input });

  it('substitutes variables into headers and body, resolving the secret a variable references', async () => {
    const result = await switchboard.actions.run(
      sendEmail({ headers: { Authorization: 'Bearer $Variable{SENDGRID_KEY}' }, body: { from: 'Shop <$Variable{FROM_EMAIL}>', literal: '\\$Variable{FROM_EMAIL}' } }),
    );
    expect(result.status).toBe(202);
    const sent = sendgrid.received.at(-1);
    expect(sent?.headers.authorization).toBe('Bearer SG.variables-spec-value');
    expect(JSON.parse(sent?.body ?? '{}')).toEqual({ from: 'Shop <noreply@example.com>', literal: '$Variable{FROM_EMAIL}' });

    // The record keeps the input as written: the variable's name, never the secret it led to.
    let record: Awaited<ReturnType<typeof switchboard.actions.runs.fetch>> | undefined;
    await waitUntil(
      async () => {
        record = await switchboard.actions.runs.fetch(result.run_id).catch(() => undefined);
        return record !== undefined;
      },
      { what: 'the run record', timeoutMs: 10_000 },
    );
    expect(record?.request.headers.Authorization).toBe('Bearer $Variable{SENDGRID_KEY}');
    expect(JSON.stringify(record)).not.toContain('SG.variables-spec-value');
  });

  it('uses variables in the connection’s auth data', async () => {
    await switchboard.product.apps.update('email_service', { envs: [{ slug: 'prd', auth: [{ auth_tag: 'key_header', data: { api_key: '$Variable{SENDGRID_KEY}' } }] }] });
    let sent = sendgrid.received.at(-1);
    // The connection event drops the executor's cached plan; until it lands a run may still use the previous one.
    for (let attempt = 0; attempt < 50 && sent?.headers['x-key'] === undefined; attempt += 1) {
      await switchboard.actions.run(sendEmail({ body: { n: attempt } }));
      sent = sendgrid.received.at(-1);
    }
    expect(sent?.headers['x-key']).toBe('SG.variables-spec-value');
  });

  it('refuses a variable the connection env does not set, before any call', async () => {
    const callsBefore = sendgrid.received.length;
    const error = await refusal(switchboard.actions.run(sendEmail({ headers: { 'X-Region': '$Variable{REGION}' } })));
    expect([error.status, error.code, error.message]).toEqual([422, 'variable_not_found', "Variable 'REGION' is not set on connection 'email_service' in env 'prd'"]);
    expect(sendgrid.received.length).toBe(callsBefore);

    const plan = await switchboard.actions.plan(sendEmail({ headers: { 'X-Region': '$Variable{REGION}' } }));
    expect(plan.would_run).toBe(false);
    expect(plan.checks).toContainEqual({
      check: 'variables',
      ok: false,
      code: 'variable_not_found',
      message: "Variable 'REGION' is not set on connection 'email_service' in env 'prd'",
    });
  });

  it('plans with variables substituted and the secrets they bring in left as references', async () => {
    const plan = await switchboard.actions.plan(sendEmail({ headers: { Authorization: 'Bearer $Variable{SENDGRID_KEY}' }, body: { from: '$Variable{FROM_EMAIL}' } }));
    expect(plan.would_run).toBe(true);
    expect(plan.request?.headers.Authorization).toBe('Bearer $Token{SENDGRID_API_KEY}');
    expect(plan.request?.body).toEqual({ from: 'noreply@example.com' });
    expect(plan.checks).toContainEqual({ check: 'secret SENDGRID_API_KEY', ok: true });
  });
});
