import { ErrorCode } from '@switchboard/contracts';
import { httpStatusOf } from './http-status-of.js';

describe('httpStatusOf', () => {
  it('maps every error code to an HTTP error status', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(httpStatusOf(code)).toBeGreaterThanOrEqual(400);
      expect(httpStatusOf(code)).toBeLessThan(600);
    }
  });

  it('answers caller mistakes with 4xx and platform trouble with 5xx', () => {
    expect(httpStatusOf(ErrorCode.ValidationFailed)).toBe(400);
    expect(httpStatusOf(ErrorCode.Unauthenticated)).toBe(401);
    expect(httpStatusOf(ErrorCode.CsrfInvalid)).toBe(403);
    expect(httpStatusOf(ErrorCode.ConnectionNotFound)).toBe(404);
    expect(httpStatusOf(ErrorCode.AccessTagTaken)).toBe(409);
    expect(httpStatusOf(ErrorCode.ImportNotFound)).toBe(404);
    expect(httpStatusOf(ErrorCode.DocumentTooLarge)).toBe(413);
    expect(httpStatusOf(ErrorCode.UnsupportedMediaType)).toBe(415);
    expect(httpStatusOf(ErrorCode.ProductEnvNotFound)).toBe(422);
    expect(httpStatusOf(ErrorCode.ServiceUnavailable)).toBe(503);
    expect(httpStatusOf(ErrorCode.ServiceTimeout)).toBe(504);
  });

  it('answers webhook definitions and receipts with the statuses their senders and callers expect', () => {
    expect(httpStatusOf(ErrorCode.WebhookNotFound)).toBe(404);
    expect(httpStatusOf(ErrorCode.WebhookTagTaken)).toBe(409);
    expect(httpStatusOf(ErrorCode.SigningSecretNotReference)).toBe(422);
    expect(httpStatusOf(ErrorCode.ForwardUrlRefused)).toBe(422);
    expect(httpStatusOf(ErrorCode.WebhookSignatureInvalid)).toBe(401);
    expect(httpStatusOf(ErrorCode.WebhookTimestampStale)).toBe(401);
    expect(httpStatusOf(ErrorCode.WebhookSecretUnavailable)).toBe(401);
  });

  it('answers an unknown event 404 and a replay that cannot be made 409', () => {
    expect(httpStatusOf(ErrorCode.WebhookEventNotFound)).toBe(404);
    expect(httpStatusOf(ErrorCode.WebhookEventNotReplayable)).toBe(409);
    expect(httpStatusOf(ErrorCode.WebhookForwardUrlMissing)).toBe(409);
  });
});
