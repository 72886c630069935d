import { standardWebhooksKey } from './schemes/standard-webhooks-secret.js';
import {
  STANDARD_ID_HEADER,
  STANDARD_SIGNATURE_HEADER,
  STANDARD_TIMESTAMP_HEADER,
  standardWebhooksSignature,
} from './schemes/standard-webhooks.js';

export interface StandardWebhookToSign {
  /** `whsec_<base64>`; several while a secret is rotated, so receivers holding either the old or the new one accept. */
  secret: string | readonly string[];
  /** The message id, the same on every retry so the receiver can drop duplicates. */
  id: string;
  /** When the message is (re)sent, Unix seconds. */
  timestamp: number;
  /** The exact bytes that will be sent. */
  body: Buffer;
}

export interface StandardWebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * The Standard Webhooks headers for a message Switchboard sends, which any Standard Webhooks library verifies.
 * Throws a TypeError for a secret that is not `whsec_<base64>` or a timestamp that is not whole seconds: those are
 * Switchboard's own values, so a bad one is a bug, not input.
 */
export function signStandardWebhook(message: StandardWebhookToSign): StandardWebhookHeaders {
  if (!Number.isSafeInteger(message.timestamp) || message.timestamp < 0) {
    throw new TypeError('signStandardWebhook: timestamp must be whole Unix seconds');
  }
  const secrets = typeof message.secret === 'string' ? [message.secret] : message.secret;
  if (secrets.length === 0) throw new TypeError('signStandardWebhook: at least one secret is needed');
  const signatures = secrets.map((secret) => {
    const key = standardWebhooksKey(secret);
    if (key === undefined) throw new TypeError('signStandardWebhook: a secret is not whsec_<base64>');
    return standardWebhooksSignature(key, message.id, message.timestamp, message.body);
  });
  return {
    [STANDARD_ID_HEADER]: message.id,
    [STANDARD_TIMESTAMP_HEADER]: String(message.timestamp),
    [STANDARD_SIGNATURE_HEADER]: signatures.join(' '),
  };
}
