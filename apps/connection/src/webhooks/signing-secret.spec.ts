import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { signingSecretKeyOf } from './signing-secret.js';

const refusalOf = (signingSecret: string, tag: string): DomainError => {
  try {
    signingSecretKeyOf(signingSecret, tag);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`${signingSecret} was accepted`);
};

describe('signingSecretKeyOf', () => {
  it.each([
    ['$Token{GITHUB_WEBHOOK_SECRET}', 'GITHUB_WEBHOOK_SECRET'],
    ['$Secret{STRIPE_WHSEC}', 'STRIPE_WHSEC'],
    ['$(secret:shopify_key)', 'shopify_key'],
  ])('reads the key of %s', (reference, key) => {
    expect(signingSecretKeyOf(reference, 'hook')).toBe(key);
  });

  it('refuses a pasted secret, saying how to store it under a key named after the tag', () => {
    const refusal = refusalOf('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'github_webhook');
    expect(refusal.code).toBe(ErrorCode.SigningSecretNotReference);
    expect(refusal.message).toBe(
      "signing_secret must be a secret reference such as $Token{GITHUB_WEBHOOK_SECRET}, not the secret itself: create it with switchboard.secrets.create({ key: 'GITHUB_WEBHOOK_SECRET', value }) or under Workspace Settings > Secrets, then reference it",
    );
    expect(refusal.details.fields).toEqual([{ field: 'signing_secret', messages: [refusal.message] }]);
  });

  it.each(['prefix_$Token{KEY}', '$Token{KEY}$Token{OTHER}', '\\$Token{KEY}', '$Token{KEY} ', '$Variable{KEY}'])(
    'refuses %s, which is not one whole secret reference',
    (value) => {
      expect(refusalOf(value, 'hook').code).toBe(ErrorCode.SigningSecretNotReference);
    },
  );

  it('does not say _SECRET twice for a tag that ends with it, and spells dashes as underscores', () => {
    expect(refusalOf('literal', 'stripe-signing_secret').details.suggested_key).toBe('STRIPE_SIGNING_SECRET');
  });
});
