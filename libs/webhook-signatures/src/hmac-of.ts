import { createHmac, type BinaryToTextEncoding } from 'node:crypto';

/** An HMAC digest of the given pieces (concatenated as bytes), text-encoded for comparing with a header. */
export function hmacOf(
  algorithm: 'sha1' | 'sha256' | 'sha512',
  key: string | Buffer,
  pieces: readonly (string | Buffer)[],
  encoding: BinaryToTextEncoding,
): string {
  const hmac = createHmac(algorithm, key);
  for (const piece of pieces) hmac.update(piece);
  return hmac.digest(encoding);
}
