import { timingSafeEqual } from 'node:crypto';

/**
 * Compares an expected signature with a received one in time that depends only on their length; different lengths
 * are simply unequal (the length of a correct signature is public anyway).
 */
export function signaturesMatch(expected: string | Buffer, received: string | Buffer): boolean {
  const expectedBytes = typeof expected === 'string' ? Buffer.from(expected, 'utf8') : expected;
  const receivedBytes = typeof received === 'string' ? Buffer.from(received, 'utf8') : received;
  return expectedBytes.length === receivedBytes.length && timingSafeEqual(expectedBytes, receivedBytes);
}

/** True when any of the received signatures matches; every candidate is compared, so timing says not which. */
export function anySignatureMatches(expected: string, received: readonly string[]): boolean {
  let matched = false;
  for (const candidate of received) matched = signaturesMatch(expected, candidate) || matched;
  return matched;
}
