const SECRET_PREFIX = 'whsec_';
/** Standard base64 with its padding, as the Standard Webhooks secrets are written. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * The key bytes of a Standard Webhooks secret, `whsec_<base64>` (the prefix optional, as the reference libraries
 * allow), or undefined when it is not base64 or decodes to nothing. Checked strictly because Node's base64 decoder
 * skips characters it does not know.
 */
export function standardWebhooksKey(secret: string): Buffer | undefined {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  if (encoded === '' || !BASE64.test(encoded)) return undefined;
  return Buffer.from(encoded, 'base64');
}
