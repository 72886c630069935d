import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { thrownBy } from '@switchboard/testing';
import { buildActionUrl } from './action-url.js';

describe('buildActionUrl', () => {
  it('joins the base URL, its path prefix and the action path', () => {
    expect(buildActionUrl('https://api.stripe.com/v2/', '/charges').href).toBe('https://api.stripe.com/v2/charges');
  });

  it('fills every :param, URL-encoded, and appends the query', () => {
    const url = buildActionUrl('https://api.twilio.com', '/Accounts/:sid/Messages/:id', { sid: 'AC 1/2', id: 7 }, { page: 2, all: true });
    expect(url.href).toBe('https://api.twilio.com/Accounts/AC%201%2F2/Messages/7?page=2&all=true');
  });

  it('sends a query key once per item of an array', () => {
    const url = buildActionUrl('https://api.stripe.com', '/charges', {}, { expand: ['customer', 'invoice'], limit: 3 });
    expect(url.search).toBe('?expand=customer&expand=invoice&limit=3');
  });

  it('refuses a run that leaves a path param empty', () => {
    const error = thrownBy(() => buildActionUrl('https://api.stripe.com', '/charges/:id', {}), DomainError);
    expect([error.code, error.message]).toEqual([ErrorCode.MissingPathParam, 'input.params.id is required by the action path /charges/:id']);
  });
});
