import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { errors } from 'undici';
import { timedOut, unreachable, upstreamFailureOf, upstreamFailureReach } from '../../src/outbound/upstream-failure.js';

const origin = 'https://api.example.com';
const timeouts = { connectMs: 5000, headersMs: 30_000, bodyMs: 20_000 };
const systemError = (code: string) => Object.assign(new Error(`connect ${code} 10.0.0.1:443`), { code });

describe('upstreamFailureOf', () => {
  it('reports each timeout with the limit that ran out, retrying only the connect timeout', () => {
    expect(upstreamFailureOf(new errors.ConnectTimeoutError(), origin, timeouts)).toEqual({
      error: expect.objectContaining({ code: ErrorCode.UpstreamTimeout, message: 'The upstream at https://api.example.com did not answer within 5000 ms' }) as unknown,
      retryable: true,
    });
    const headers = upstreamFailureOf(new errors.HeadersTimeoutError(), origin, timeouts);
    expect(headers?.error.message).toBe('The upstream at https://api.example.com did not answer within 30000 ms');
    expect(headers?.retryable).toBe(false);
    const body = upstreamFailureOf(new errors.BodyTimeoutError(), origin, timeouts);
    expect(body?.error.message).toBe('The upstream at https://api.example.com did not answer within 20000 ms');
    expect(body?.retryable).toBe(false);
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE'])('reports %s as unreachable and worth retrying', (code) => {
    const failure = upstreamFailureOf(systemError(code), origin, timeouts);
    expect(failure?.error.code).toBe(ErrorCode.UpstreamUnreachable);
    expect(failure?.error.message).toBe('The upstream at https://api.example.com could not be reached');
    expect(failure?.error.details).toEqual({ origin, cause: code });
    expect(failure?.retryable).toBe(true);
  });

  it('reports a connection the upstream closed before answering as unreachable and worth retrying', () => {
    expect(upstreamFailureOf(new errors.SocketError('other side closed'), origin, timeouts)).toMatchObject({
      error: { code: ErrorCode.UpstreamUnreachable },
      retryable: true,
    });
  });

  it('reads the code of an AggregateError from the attempts it gathers', () => {
    const aggregate = new AggregateError([systemError('ECONNREFUSED'), systemError('ECONNREFUSED')], 'all attempts failed');
    expect(upstreamFailureOf(aggregate, origin, timeouts)?.error.details).toEqual({ origin, cause: 'ECONNREFUSED' });
  });

  it.each(['CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'HPE_INVALID_CONSTANT'])(
    'reports %s as unreachable without retrying, as it would fail again',
    (code) => {
      expect(upstreamFailureOf(systemError(code), origin, timeouts)).toMatchObject({ error: { code: ErrorCode.UpstreamUnreachable }, retryable: false });
    },
  );

  it('reports oversized response headers as a response too large', () => {
    expect(upstreamFailureOf(new errors.HeadersOverflowError(), origin, timeouts)?.error.code).toBe(ErrorCode.UpstreamResponseTooLarge);
  });

  it('turns a header undici refuses into a 400 that quotes nothing from the request', () => {
    const failure = upstreamFailureOf(new errors.InvalidArgumentError('invalid header value "Bearer sk_live_1\r\n"'), origin, timeouts);
    expect(failure?.retryable).toBe(false);
    expect(failure?.error.code).toBe('validation_failed');
    expect(failure?.error.message).not.toContain('sk_live_1');
  });

  it('passes a domain error through and leaves programming errors alone', () => {
    const domain = new DomainError(ErrorCode.UpstreamResponseTooLarge, 'too large');
    expect(upstreamFailureOf(domain, origin, timeouts)).toEqual({ error: domain, retryable: false });
    expect(upstreamFailureOf(new TypeError('x is not a function'), origin, timeouts)).toBeUndefined();
    expect(upstreamFailureOf('a string', origin, timeouts)).toBeUndefined();
  });
});

describe('upstreamFailureReach', () => {
  it.each([
    [timedOut('https://a.example', 5000, 'connect'), 'not-sent'],
    [unreachable('https://a.example', 'ECONNREFUSED'), 'not-sent'],
    [unreachable('https://a.example', 'EAI_AGAIN'), 'not-sent'],
    [timedOut('https://a.example', 30_000, 'headers'), 'maybe-sent'],
    [timedOut('https://a.example', 30_000, 'body'), 'maybe-sent'],
    [unreachable('https://a.example', 'ECONNRESET'), 'maybe-sent'],
    [unreachable('https://a.example', 'HPE_INVALID_CONSTANT'), 'final'],
  ])('tells whether %s may have reached the upstream', (error, reach) => {
    expect(upstreamFailureReach(error)).toBe(reach);
  });
});
