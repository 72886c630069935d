import { ErrorCode, type WebhookHmacView } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { plannedHmac } from './webhook-hmac.plan.js';

const stored: WebhookHmacView = {
  algorithm: 'sha512',
  encoding: 'base64',
  header: 'X-Signature',
  prefix: '',
  signed_content: '{body}',
  timestamp_header: null,
  event_id_header: 'X-Event-Id',
};

const refusalOf = (plan: () => unknown): DomainError => {
  try {
    plan();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the plan was accepted');
};

describe('plannedHmac', () => {
  it('fills in the prefix, signed content and headers left out', () => {
    expect(plannedHmac('hmac', { algorithm: 'sha256', encoding: 'hex', header: 'X-Hub-Signature' }, null)).toEqual({
      algorithm: 'sha256',
      encoding: 'hex',
      header: 'X-Hub-Signature',
      prefix: '',
      signed_content: '{body}',
      timestamp_header: null,
      event_id_header: null,
    });
  });

  it('keeps the stored options when an update gives none, and drops them for another scheme', () => {
    expect(plannedHmac('hmac', undefined, stored)).toBe(stored);
    expect(plannedHmac('github', undefined, stored)).toBeNull();
  });

  it('refuses hmac options with another scheme, and a scheme hmac without them', () => {
    const stray = refusalOf(() => plannedHmac('stripe', { algorithm: 'sha256', encoding: 'hex', header: 'X-Sig' }, null));
    expect([stray.code, stray.message]).toEqual([ErrorCode.ValidationFailed, "hmac is only for scheme 'hmac', not 'stripe'"]);
    const missing = refusalOf(() => plannedHmac('hmac', undefined, null));
    expect(missing.message).toBe("hmac is required for scheme 'hmac': give its algorithm, encoding and header");
  });

  it('asks for the timestamp header a template signing {timestamp} reads', () => {
    const refusal = refusalOf(() => plannedHmac('hmac', { algorithm: 'sha256', encoding: 'hex', header: 'X-Sig', signed_content: '{timestamp}.{body}' }, null));
    expect(refusal.details.fields).toEqual([
      { field: 'hmac.timestamp_header', messages: ['hmac.timestamp_header is required when hmac.signed_content uses {timestamp}'] },
    ]);
  });
});
