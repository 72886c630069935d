import { ErrorCode, type RequestType } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';

/** A body ready to send, with the content type its encoding implies (none for multipart: the client sets the boundary). */
export interface EncodedBody {
  body: string | FormData;
  contentType?: string;
}

type FlatValue = string | number | boolean;

/** Encodes the caller's body as the action's request type wants it, or explains why it cannot. */
export function encodeRequestBody(body: unknown, requestType: RequestType): EncodedBody {
  switch (requestType) {
    case 'JSON':
      return { body: JSON.stringify(body), contentType: 'application/json' };
    case 'FORM':
      return { body: new URLSearchParams(flatEntries(body, requestType)).toString(), contentType: 'application/x-www-form-urlencoded' };
    case 'MULTIPART': {
      const form = new FormData();
      for (const [key, value] of flatEntries(body, requestType)) form.append(key, value);
      return { body: form };
    }
    case 'TEXT':
      if (typeof body === 'object' && body !== null) throw notEncodable(requestType, 'a string, number or boolean');
      return { body: String(body), contentType: 'text/plain; charset=utf-8' };
    case 'XML':
      if (typeof body !== 'string') throw notEncodable(requestType, 'an XML document as a string');
      return { body, contentType: 'application/xml; charset=utf-8' };
  }
}

function flatEntries(body: unknown, requestType: RequestType): [string, string][] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw notEncodable(requestType, 'an object of string, number or boolean values');
  return Object.entries(body).map(([key, value]) => {
    if (!isFlatValue(value)) throw notEncodable(requestType, `an object of string, number or boolean values (input.body.${key} is not)`);
    return [key, String(value)];
  });
}

function isFlatValue(value: unknown): value is FlatValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function notEncodable(requestType: RequestType, expected: string): DomainError {
  return new DomainError(ErrorCode.BodyNotEncodable, `input.body cannot be sent as ${requestType}: it must be ${expected}`, {
    field: 'input.body',
    request_type: requestType,
  });
}
