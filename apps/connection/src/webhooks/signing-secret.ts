import { ErrorCode } from '@switchboard/contracts';
import { DomainError, fieldFailure } from '@switchboard/platform';
import { findReferences } from '@switchboard/placeholders';

/**
 * The key a webhook's `signing_secret` references. Only one whole reference is accepted (`$Token{KEY}` or another
 * secret spelling): anything else is taken for a pasted secret, refused with a message that says how to store it.
 * Whether the secret exists is not asked here: as for a connection's auth data, the reference may be written before
 * the secret, and the executor meets the seed's checks (exists, scope, env, expiry) on each receipt.
 */
export function signingSecretKeyOf(signingSecret: string, webhookTag: string): string {
  const [reference, ...others] = findReferences(signingSecret);
  if (reference !== undefined && others.length === 0 && reference.start === 0 && reference.end === signingSecret.length) return reference.key;
  throw notReference(webhookTag);
}

function notReference(webhookTag: string): DomainError {
  const key = suggestedSecretKey(webhookTag);
  return fieldFailure(
    'signing_secret',
    `signing_secret must be a secret reference such as $Token{${key}}, not the secret itself: create it with ` +
      `switchboard.secrets.create({ key: '${key}', value }) or under Workspace Settings > Secrets, then reference it`,
    ErrorCode.SigningSecretNotReference,
    { suggested_key: key },
  );
}

// `github_webhook` → `GITHUB_WEBHOOK_SECRET`: the key the seed's sample uses for that tag.
function suggestedSecretKey(webhookTag: string): string {
  const base = webhookTag.toUpperCase().replace(/-/g, '_');
  return base.endsWith('_SECRET') ? base : `${base}_SECRET`;
}
