import { Switchboard, SwitchboardError, type ActionRunResult, type RunActionInput } from '@switchboard/sdk';
import {
  FAKE_SENDGRID_PROFILE,
  nestedJson,
  rejectionOf,
  startFakeSendGrid,
  startFakeTwilio,
  startPlatform,
  type FakeSendGrid,
  type FakeThirdPartyApi,
  type FakeTwilio,
  type Platform,
} from '@switchboard/testing';

const SENDGRID_KEY = 'SG.fake-sendgrid-key';
const TWILIO_ACCOUNT = { sid: `AC${'1f'.repeat(16)}`, authToken: 'fake-twilio-auth-token' };
const HEADERS_TIMEOUT_MS = 1000;
const MAIL = {
  personalizations: [{ to: [{ email: 'ada@example.com' }] }],
  from: { email: 'noreply@switchboard.test' },
  subject: 'Your order shipped',
  content: [{ type: 'text/plain', value: 'It is on its way.' }],
};
const SMS = { To: '+15558675310', From: '+15017122661', Body: 'Your code is 4242' };

/** The requests a fake received since `before`, as `METHOD path`. */
const callsSince = (api: FakeThirdPartyApi, before: number): string[] => api.received.slice(before).map((request) => `${request.method} ${request.path}`);

// SendGrid and Twilio played by local fakes, driven end to end through the SDK: the platform must pass their
// answers through as they are, retry only where repeating is safe, and turn slowness into its own error.
describe('Running actions against fakes of SendGrid and Twilio', () => {
  let platform: Platform;
  let sendgrid: FakeSendGrid;
  let twilio: FakeTwilio;
  let switchboard: Switchboard;
  const run = (app: string, event: string, input: RunActionInput['input']): Promise<ActionRunResult> =>
    switchboard.actions.run({ env: 'prd', product: 'notifications', app, event, input });

  beforeAll(async () => {
    sendgrid = await startFakeSendGrid([SENDGRID_KEY]);
    twilio = await startFakeTwilio([TWILIO_ACCOUNT]);
    // A short headers timeout lets the slow-reply case finish quickly; the fakes otherwise answer at once.
    platform = await startPlatform({ env: { SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1', OUTBOUND_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS) } });
    switchboard = new Switchboard({ ...(await platform.createWorkspace('third-party-fakes')), url: platform.url });

    await switchboard.app.create({
      tag: 'sendgrid',
      name: 'SendGrid',
      envs: [{ slug: 'prd', base_url: sendgrid.url, request_type: 'JSON' }],
      actions: [
        { tag: 'send-mail', method: 'POST', path: '/v3/mail/send' },
        { tag: 'get-profile', method: 'GET', path: '/v3/user/profile' },
      ],
      auth: [{ tag: 'api_key', type: 'bearer' }],
    });
    await switchboard.app.create({
      tag: 'twilio',
      name: 'Twilio',
      envs: [{ slug: 'prd', base_url: twilio.url, request_type: 'FORM' }],
      actions: [{ tag: 'send-sms', method: 'POST', path: '/2010-04-01/Accounts/:AccountSid/Messages.json' }],
      auth: [{ tag: 'account', type: 'basic' }],
    });
    await switchboard.secrets.create({ key: 'SENDGRID_API_KEY', value: SENDGRID_KEY, scope: ['sendgrid'] });
    await switchboard.secrets.create({ key: 'SENDGRID_REVOKED_KEY', value: 'SG.revoked-key', scope: ['sendgrid_revoked'] });
    await switchboard.secrets.create({ key: 'TWILIO_ACCOUNT_SID', value: TWILIO_ACCOUNT.sid, scope: ['twilio'] });
    await switchboard.secrets.create({ key: 'TWILIO_AUTH_TOKEN', value: TWILIO_ACCOUNT.authToken, scope: ['twilio'] });

    await switchboard.product.init('notifications');
    const connect = (access_tag: string, app: string, auth_tag: string, data: Record<string, string>) =>
      switchboard.product.app.add({ access_tag, app, envs: [{ slug: 'prd', auth: [{ auth_tag, data }] }] });
    await connect('sendgrid', 'sendgrid', 'api_key', { token: '$Token{SENDGRID_API_KEY}' });
    await connect('sendgrid_revoked', 'sendgrid', 'api_key', { token: '$Token{SENDGRID_REVOKED_KEY}' });
    await connect('twilio', 'twilio', 'account', { username: '$Token{TWILIO_ACCOUNT_SID}', password: '$Token{TWILIO_AUTH_TOKEN}' });
    await connect('twilio_wrong', 'twilio', 'account', { username: TWILIO_ACCOUNT.sid, password: 'not-the-auth-token' });
  });

  afterAll(async () => {
    await platform?.stop();
    await sendgrid?.stop();
    await twilio?.stop();
  });

  describe('SendGrid', () => {
    afterEach(() => sendgrid.rateLimit(undefined));

    it('sends a mail with the bearer key from the secret and passes the 202 with its empty body through', async () => {
      const before = sendgrid.received.length;
      const result = await run('sendgrid', 'send-mail', { body: MAIL });

      expect(result.status).toBe(202);
      expect(result.body).toBeNull();
      expect(result.headers['x-message-id']).toMatch(/^fake-sendgrid-message-\d+$/);
      expect(callsSince(sendgrid, before)).toEqual(['POST /v3/mail/send']);
      const sent = sendgrid.received.at(-1);
      expect(sent?.headers.authorization).toBe(`Bearer ${SENDGRID_KEY}`);
      expect(sent?.headers['content-type']).toBe('application/json');
      expect(JSON.parse(sent?.body ?? 'null')).toEqual(MAIL);
    });

    it('passes SendGrid’s 401 for a revoked key through as the run’s reply, not as a platform error', async () => {
      const result = await run('sendgrid_revoked', 'send-mail', { body: MAIL });

      expect(result.status).toBe(401);
      expect(result.body).toEqual({ errors: [{ message: 'The provided authorization grant is invalid, expired, or revoked', field: null, help: null }] });
      expect(sendgrid.received.at(-1)?.headers.authorization).toBe('Bearer SG.revoked-key');
    });

    it('passes SendGrid’s 400 naming the missing field through', async () => {
      const result = await run('sendgrid', 'send-mail', { body: { ...MAIL, from: {} } });

      expect(result.status).toBe(400);
      expect(result.body).toEqual({
        errors: [
          {
            message: 'The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.',
            field: 'from.email',
            help: 'http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#message.from',
          },
        ],
      });
    });

    it('passes a 429 on a send through after a single call, since a POST without an Idempotency-Key is not repeated', async () => {
      sendgrid.rateLimit({ retryAfterSeconds: 1 });
      const before = sendgrid.received.length;
      const result = await run('sendgrid', 'send-mail', { body: MAIL });

      expect(result.status).toBe(429);
      expect(result.headers['retry-after']).toBe('1');
      expect(result.body).toEqual({ errors: [{ message: 'too many requests', field: null, help: null }] });
      expect(callsSince(sendgrid, before)).toEqual(['POST /v3/mail/send']);
    });

    it('retries a rate-limited GET after the Retry-After the upstream asked for, and gets the profile', async () => {
      sendgrid.rateLimit({ retryAfterSeconds: 1, requests: 1 });
      const before = sendgrid.received.length;
      const result = await run('sendgrid', 'get-profile', {});

      expect(result.status).toBe(200);
      expect(result.body).toEqual(FAKE_SENDGRID_PROFILE);
      expect(callsSince(sendgrid, before)).toEqual(['GET /v3/user/profile', 'GET /v3/user/profile']);
      // Without Retry-After the backoff would wait at most 100 ms before the second attempt.
      expect(result.timings.upstream_ms).toBeGreaterThanOrEqual(1000);
    });

    it('gives up on a GET that stays rate limited after OUTBOUND_MAX_ATTEMPTS (3) calls and passes the last 429 through', async () => {
      sendgrid.rateLimit({ retryAfterSeconds: 0 });
      const before = sendgrid.received.length;
      const result = await run('sendgrid', 'get-profile', {});

      expect([result.status, result.headers['retry-after']]).toEqual([429, '0']);
      expect(callsSince(sendgrid, before)).toEqual(['GET /v3/user/profile', 'GET /v3/user/profile', 'GET /v3/user/profile']);
    });
  });

  describe('Twilio', () => {
    afterEach(() => twilio.setMode('normal'));
    const messagesPath = `/2010-04-01/Accounts/${TWILIO_ACCOUNT.sid}/Messages.json`;
    const sendSms = (app: string, body: Record<string, string>) => run(app, 'send-sms', { params: { AccountSid: TWILIO_ACCOUNT.sid }, body });

    it('sends an SMS as a form with basic auth from the secrets and passes the 201 message resource through', async () => {
      const before = twilio.received.length;
      const result = await sendSms('twilio', SMS);

      expect(result.status).toBe(201);
      const sid = (result.body as { sid?: unknown }).sid;
      expect(sid).toMatch(/^SM[0-9a-f]{32}$/);
      const uri = `/2010-04-01/Accounts/${TWILIO_ACCOUNT.sid}/Messages/${String(sid)}`;
      expect(result.body).toEqual({
        sid,
        account_sid: TWILIO_ACCOUNT.sid,
        api_version: '2010-04-01',
        to: SMS.To,
        from: SMS.From,
        body: SMS.Body,
        status: 'queued',
        direction: 'outbound-api',
        num_segments: '1',
        error_code: null,
        error_message: null,
        uri: `${uri}.json`,
        subresource_uris: { media: `${uri}/Media.json` },
      });
      expect(callsSince(twilio, before)).toEqual([`POST ${messagesPath}`]);
      const sent = twilio.received.at(-1);
      expect(sent?.headers.authorization).toBe(`Basic ${Buffer.from(`${TWILIO_ACCOUNT.sid}:${TWILIO_ACCOUNT.authToken}`).toString('base64')}`);
      expect(sent?.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(sent?.body).toBe('To=%2B15558675310&From=%2B15017122661&Body=Your+code+is+4242');
    });

    it('passes Twilio’s 401 for a wrong auth token and its 400 for a missing To through', async () => {
      const unauthorized = await sendSms('twilio_wrong', SMS);
      expect([unauthorized.status, unauthorized.body]).toEqual([
        401,
        { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 },
      ]);

      const { From, Body } = SMS;
      const missingTo = await sendSms('twilio', { From, Body });
      expect([missingTo.status, missingTo.body]).toEqual([
        400,
        { code: 21604, message: "A 'To' phone number is required.", more_info: 'https://www.twilio.com/docs/errors/21604', status: 400 },
      ]);
      expect(twilio.received.at(-1)?.body).toBe('From=%2B15017122661&Body=Your+code+is+4242');
    });

    it('answers 504 upstream_timeout when Twilio is slower than the headers timeout, without sending the SMS again', async () => {
      twilio.setMode({ delayMs: HEADERS_TIMEOUT_MS * 3 });
      const before = twilio.received.length;
      const error = await rejectionOf(sendSms('twilio', SMS), SwitchboardError);

      expect([error.status, error.code, error.message]).toEqual([504, 'upstream_timeout', `The upstream at ${twilio.url} did not answer within ${HEADERS_TIMEOUT_MS} ms`]);
      expect(callsSince(twilio, before)).toEqual([`POST ${messagesPath}`]);
    });

    it('returns a truncated JSON reply as its raw text instead of failing the run', async () => {
      twilio.setMode('malformed');
      const result = await sendSms('twilio', SMS);

      expect([result.status, result.headers['content-type'], result.body]).toEqual([201, 'application/json', '{"sid": "SM']);
    });

    it('returns a JSON reply nested 10,000 levels deep as its raw text instead of failing the run', async () => {
      twilio.setMode('nested');
      const result = await sendSms('twilio', SMS);

      expect([result.status, result.body]).toEqual([201, nestedJson(10_000)]);
    });
  });
});
