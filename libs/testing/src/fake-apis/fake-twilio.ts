import { startFakeThirdPartyApi, type FakeReply, type FakeThirdPartyApi, type ReceivedRequest } from './fake-third-party-api.js';

/** A Twilio account the fake knows: its SID (`AC…`) and auth token, the basic auth pair. */
export interface FakeTwilioAccount {
  sid: string;
  authToken: string;
}

/**
 * How the fake answers message requests: `normal`; `{ delayMs }`, the normal answer that late (the message is
 * created all the same, as when Twilio is slow); `malformed`, a JSON content type over a truncated body; or `nested`,
 * valid JSON nested 10,000 levels deep, which parses but overflows any recursive walk of it.
 */
export type FakeTwilioMode = 'normal' | 'malformed' | 'nested' | { delayMs: number };

const NESTED_LEVELS = 10_000;

/** A fake Twilio whose answers the test can make slow or malformed. */
export interface FakeTwilio extends FakeThirdPartyApi {
  setMode(mode: FakeTwilioMode): void;
}

const API_VERSION = '2010-04-01';

// Twilio's JSON error body: its own code, the HTTP status, and a link to the code's page.
function twilioError(status: number, code: number, message: string): FakeReply {
  return { status, body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status } };
}

// The first required field that is missing, with Twilio's code for it.
const REQUIRED_FIELDS: readonly { field: string; code: number; message: string }[] = [
  { field: 'To', code: 21604, message: "A 'To' phone number is required." },
  { field: 'From', code: 21603, message: "A 'From' phone number is required." },
  { field: 'Body', code: 21602, message: 'Message body is required.' },
];

/**
 * A fake Twilio Programmable Messaging API: `POST /2010-04-01/Accounts/{sid}/Messages.json` for each of `accounts`,
 * with HTTP basic auth `sid:authToken` and a form-encoded `To`, `From` and `Body`, creates a queued message (201);
 * bad credentials answer 401 (code 20003), a missing field 400 (21604, 21603, 21602). Other accounts' paths are
 * unknown routes (404).
 */
export async function startFakeTwilio(accounts: readonly FakeTwilioAccount[]): Promise<FakeTwilio> {
  const api = await startFakeThirdPartyApi();
  let mode: FakeTwilioMode = 'normal';
  let created = 0;
  // Delayed answers still pending; stop() sends them at once, so that no timer or open request outlives the fake.
  const pending = new Set<() => void>();

  function createMessage(account: FakeTwilioAccount, request: ReceivedRequest): FakeReply {
    const expected = `Basic ${Buffer.from(`${account.sid}:${account.authToken}`).toString('base64')}`;
    if (request.headers.authorization !== expected) return twilioError(401, 20003, 'Authenticate');
    const form = new URLSearchParams(request.body);
    const missing = REQUIRED_FIELDS.find(({ field }) => !form.get(field));
    if (missing !== undefined) return twilioError(400, missing.code, missing.message);
    created += 1;
    const sid = `SM${created.toString(16).padStart(32, '0')}`;
    const uri = `/${API_VERSION}/Accounts/${account.sid}/Messages/${sid}`;
    return {
      status: 201,
      body: {
        sid,
        account_sid: account.sid,
        api_version: API_VERSION,
        to: form.get('To'),
        from: form.get('From'),
        body: form.get('Body'),
        status: 'queued',
        direction: 'outbound-api',
        num_segments: '1',
        error_code: null,
        error_message: null,
        uri: `${uri}.json`,
        subresource_uris: { media: `${uri}/Media.json` },
      },
    };
  }

  for (const account of accounts) {
    api.route('POST', `/${API_VERSION}/Accounts/${account.sid}/Messages.json`, (request) => {
      const current = mode;
      if (current === 'malformed') return { status: 201, headers: { 'content-type': 'application/json' }, body: '{"sid": "SM' };
      if (current === 'nested') return { status: 201, headers: { 'content-type': 'application/json' }, body: nestedJson(NESTED_LEVELS) };
      const reply = createMessage(account, request);
      if (current === 'normal') return reply;
      return new Promise<FakeReply>((resolve) => {
        const answer = (): void => {
          clearTimeout(timer);
          pending.delete(answer);
          resolve(reply);
        };
        const timer = setTimeout(answer, current.delayMs);
        pending.add(answer);
      });
    });
  }

  const stopServer = api.stop.bind(api);
  return Object.assign(api, {
    setMode: (next: FakeTwilioMode) => void (mode = next),
    stop: async () => {
      for (const answer of [...pending]) answer();
      await stopServer();
    },
  });
}

/** Written as text: building and serialising that many nested objects would itself recurse. */
export function nestedJson(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}
