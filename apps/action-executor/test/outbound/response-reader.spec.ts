import { PassThrough, Readable } from 'node:stream';
import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { rejectionOf } from '@switchboard/testing';
import { readResponseBody } from '../../src/outbound/response-reader.js';

const limits = { origin: 'https://api.example.com', maxBytes: 10, deadlineMs: 60_000 };

describe('readResponseBody', () => {
  it('reads a body within the limit, however it is chunked', async () => {
    const body = Readable.from([Buffer.from('hello '), Buffer.from('world')]);
    await expect(readResponseBody(body, { ...limits, maxBytes: 11 })).resolves.toEqual(Buffer.from('hello world'));
  });

  it('reads an empty body', async () => {
    await expect(readResponseBody(Readable.from([]), limits)).resolves.toHaveLength(0);
  });

  it('stops reading and destroys the stream once the body passes the limit', async () => {
    const body = Readable.from([Buffer.alloc(6), Buffer.alloc(6), Buffer.alloc(6)]);
    const error = await rejectionOf(readResponseBody(body, limits), DomainError);
    expect(error.code).toBe(ErrorCode.UpstreamResponseTooLarge);
    expect(error.message).toBe('The upstream at https://api.example.com answered with a body larger than 10 bytes');
    expect(body.destroyed).toBe(true);
  });

  it('refuses a body whose announced length is over the limit without reading it', async () => {
    const body = new PassThrough();
    const error = await rejectionOf(readResponseBody(body, { ...limits, declaredBytes: 11 }), DomainError);
    expect(error.code).toBe(ErrorCode.UpstreamResponseTooLarge);
    expect(body.destroyed).toBe(true);
  });

  it('gives up on a body that does not end within the deadline, however steadily it drips', async () => {
    const body = new PassThrough();
    body.write('a');
    const error = await rejectionOf(readResponseBody(body, { ...limits, deadlineMs: 20 }), DomainError);
    expect(error.code).toBe(ErrorCode.UpstreamTimeout);
    expect(error.message).toBe('The upstream at https://api.example.com did not answer within 20 ms');
    expect(body.destroyed).toBe(true);
  });
});
