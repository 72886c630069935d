import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { thrownBy } from '@switchboard/testing';
import { encodeRequestBody } from './request-body-encoding.js';

describe('encodeRequestBody', () => {
  it('encodes JSON', () => {
    expect(encodeRequestBody({ amount: 2000, currency: 'usd' }, 'JSON')).toEqual({ body: '{"amount":2000,"currency":"usd"}', contentType: 'application/json' });
  });

  it('encodes a flat object as a form', () => {
    expect(encodeRequestBody({ To: '+15551234567', Body: 'hi & bye' }, 'FORM')).toEqual({
      body: 'To=%2B15551234567&Body=hi+%26+bye',
      contentType: 'application/x-www-form-urlencoded',
    });
  });

  it('encodes a flat object as multipart form data', () => {
    const encoded = encodeRequestBody({ name: 'report', size: 3 }, 'MULTIPART');
    expect(encoded.body).toBeInstanceOf(FormData);
    expect([...(encoded.body as FormData).entries()]).toEqual([
      ['name', 'report'],
      ['size', '3'],
    ]);
  });

  it('sends text and XML as given', () => {
    expect(encodeRequestBody('hello', 'TEXT').body).toBe('hello');
    expect(encodeRequestBody('<a>1</a>', 'XML')).toEqual({ body: '<a>1</a>', contentType: 'application/xml; charset=utf-8' });
  });

  it.each([
    [{ nested: { a: 1 } }, 'FORM'],
    [['a'], 'MULTIPART'],
    [{ a: 1 }, 'TEXT'],
    [{ a: 1 }, 'XML'],
  ] as const)('refuses %j as %s with body_not_encodable', (body, requestType) => {
    const error = thrownBy(() => encodeRequestBody(body, requestType), DomainError);
    expect(error.code).toBe(ErrorCode.BodyNotEncodable);
    expect(error.message).toMatch(new RegExp(`^input\\.body cannot be sent as ${requestType}`));
  });
});
