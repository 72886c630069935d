import { headerValue } from './header-value.js';
import { headersReadBy } from './headers-read-by.js';

describe('headerValue', () => {
  it('finds a header whatever the case of its name and trims it', () => {
    expect(headerValue({ 'X-Hub-Signature-256': ' sha256=ab ' }, 'x-hub-signature-256')).toEqual({ kind: 'one', value: 'sha256=ab' });
    expect(headerValue({ 'x-hub-signature-256': ['sha256=ab'] }, 'X-HUB-SIGNATURE-256')).toEqual({ kind: 'one', value: 'sha256=ab' });
  });

  it('treats an absent, undefined or blank header as absent', () => {
    expect(headerValue({}, 'a')).toEqual({ kind: 'absent' });
    expect(headerValue({ a: undefined }, 'a')).toEqual({ kind: 'absent' });
    expect(headerValue({ a: ['', ' '] }, 'a')).toEqual({ kind: 'absent' });
  });

  it('reports a header sent twice, as an array or under two spellings, as repeated', () => {
    expect(headerValue({ a: ['1', '2'] }, 'a')).toEqual({ kind: 'repeated' });
    expect(headerValue({ a: '1', A: '1' }, 'a')).toEqual({ kind: 'repeated' });
  });
});

describe('headersReadBy', () => {
  it('names the headers of each fixed scheme', () => {
    expect(headersReadBy('standard')).toEqual(['webhook-id', 'webhook-timestamp', 'webhook-signature']);
    expect(headersReadBy('twilio')).toContain('x-twilio-signature');
  });

  it('names the configured headers of a generic HMAC, lower-cased', () => {
    const hmac = { algorithm: 'sha256', encoding: 'hex', header: 'X-Sig', timestamp_header: 'X-Ts', event_id_header: null } as const;
    expect(headersReadBy('hmac', hmac)).toEqual(['x-sig', 'x-ts']);
    expect(headersReadBy('hmac', null)).toEqual([]);
  });
});
