import { createHmac } from 'node:crypto';
import type { WebhookVerificationInput } from './verification.js';

/** A fixed clock for the specs: 2026-03-01T12:00:00Z. */
export const NOW = new Date('2026-03-01T12:00:00Z');
export const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);
export const TOLERANCE_SECONDS = 300;

/** A body with multi-byte UTF-8 and bytes that are not UTF-8 at all, so nothing may decode and re-encode it. */
export const AWKWARD_BODY = Buffer.concat([Buffer.from('{"name":"Zoë 😀 ש"}', 'utf8'), Buffer.from([0xff, 0xfe, 0x00, 0x80])]);

/** A verification input with a fixed clock and tolerance; the rest as given. */
export function inputOf(fields: Pick<WebhookVerificationInput, 'secret' | 'body' | 'headers'> & Partial<WebhookVerificationInput>): WebhookVerificationInput {
  return { url: 'https://hooks.example.test/hooks/whk_abc', toleranceSeconds: TOLERANCE_SECONDS, now: NOW, ...fields };
}

/** An HMAC computed straight with node:crypto, for the specs to sign what they send. */
export function hmac(algorithm: string, key: string | Buffer, content: string | Buffer, encoding: 'hex' | 'base64'): string {
  return createHmac(algorithm, key).update(content).digest(encoding);
}

/** The same headers with every name upper-cased, to show names are matched whatever their case. */
export function upperCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toUpperCase(), value]));
}
