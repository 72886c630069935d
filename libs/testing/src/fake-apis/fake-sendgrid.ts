import { startFakeThirdPartyApi, type FakeReply, type FakeThirdPartyApi, type ReceivedRequest } from './fake-third-party-api.js';

/** A fake SendGrid with a rate limit the test switches on and off. */
export interface FakeSendGrid extends FakeThirdPartyApi {
  /**
   * Answers the next `requests` authenticated requests (every one, by default) with 429, `Retry-After:
   * retryAfterSeconds` and SendGrid's error body; `undefined` lifts the limit.
   */
  rateLimit(limit: { retryAfterSeconds: number; requests?: number } | undefined): void;
}

/** One entry of SendGrid's `errors` array. */
interface SendGridError {
  message: string;
  field: string | null;
  help: string | null;
}

const HELP = 'http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html';

/** The profile `GET /v3/user/profile` answers with. */
export const FAKE_SENDGRID_PROFILE = { first_name: 'Ada', last_name: 'Lovelace', company: 'Switchboard', country: 'GB', phone: '' };

/**
 * A fake SendGrid v3: `POST /v3/mail/send` accepts a message with a bearer key from `acceptedKeys` (202, empty body,
 * an `X-Message-Id` header) and otherwise answers as SendGrid does: 401 for a bad key, 400 listing every missing
 * field, 429 while rate limited. `GET /v3/user/profile` is an idempotent call to retry.
 */
export async function startFakeSendGrid(acceptedKeys: readonly string[]): Promise<FakeSendGrid> {
  const api = await startFakeThirdPartyApi();
  let limit: { retryAfterSeconds: number; remaining: number } | undefined;
  let sent = 0;

  // Authentication first, then the rate limit (SendGrid counts requests per key), then the route itself.
  const guarded =
    (handle: (request: ReceivedRequest) => FakeReply) =>
    (request: ReceivedRequest): FakeReply => {
      const key = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      if (key === undefined || !acceptedKeys.includes(key)) {
        return errors(401, { message: 'The provided authorization grant is invalid, expired, or revoked', field: null, help: null });
      }
      if (limit !== undefined && limit.remaining > 0) {
        limit.remaining -= 1;
        return { ...errors(429, { message: 'too many requests', field: null, help: null }), headers: { 'retry-after': String(limit.retryAfterSeconds) } };
      }
      return handle(request);
    };

  api.route(
    'POST',
    '/v3/mail/send',
    guarded((request) => {
      const problems = mailProblems(request.body);
      if (problems.length > 0) return errors(400, ...problems);
      sent += 1;
      return { status: 202, headers: { 'x-message-id': `fake-sendgrid-message-${sent}` } };
    }),
  );
  api.route(
    'GET',
    '/v3/user/profile',
    guarded(() => ({ status: 200, body: FAKE_SENDGRID_PROFILE })),
  );

  return Object.assign(api, {
    rateLimit: (next: { retryAfterSeconds: number; requests?: number } | undefined) => {
      limit = next === undefined ? undefined : { retryAfterSeconds: next.retryAfterSeconds, remaining: next.requests ?? Number.POSITIVE_INFINITY };
    },
  });
}

function errors(status: number, ...list: SendGridError[]): FakeReply {
  return { status, body: { errors: list } };
}

/** What SendGrid would refuse in a mail/send body, in its order: personalizations, from, subject, content. */
function mailProblems(rawBody: string): SendGridError[] {
  let mail: unknown;
  try {
    mail = JSON.parse(rawBody);
  } catch {
    return [{ message: 'Bad Request', field: null, help: null }];
  }
  const body = isObject(mail) ? mail : {};
  const problems: SendGridError[] = [];
  const personalizations = body.personalizations;
  if (!Array.isArray(personalizations) || personalizations.length === 0) {
    problems.push({
      message: 'The personalizations field is required and must have at least one personalization.',
      field: 'personalizations',
      help: `${HELP}#-Personalizations-Errors`,
    });
  } else {
    personalizations.forEach((personalization: unknown, index) => {
      const to = isObject(personalization) ? personalization.to : undefined;
      if (!Array.isArray(to) || to.length === 0 || !to.every((recipient) => isObject(recipient) && hasText(recipient.email))) {
        problems.push({
          message: 'The to array is required for all personalization objects, and must have at least one email object with a valid email address.',
          field: `personalizations.${index}.to`,
          help: `${HELP}#message.personalizations.to`,
        });
      }
    });
  }
  if (!isObject(body.from) || !hasText(body.from.email)) {
    problems.push({
      message: 'The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.',
      field: 'from.email',
      help: `${HELP}#message.from`,
    });
  }
  if (!hasText(body.subject)) {
    problems.push({
      message: 'The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.',
      field: 'subject',
      help: `${HELP}#message.subject`,
    });
  }
  const content = body.content;
  if (!Array.isArray(content) || content.length === 0 || !content.every((block) => isObject(block) && hasText(block.type) && hasText(block.value))) {
    problems.push({
      message: 'Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block.',
      field: 'content',
      help: `${HELP}#message.content`,
    });
  }
  return problems;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasText(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}
