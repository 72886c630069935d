import type { WebhookHeaders } from './verification.js';

/** A header read case-insensitively: absent (or blank), one value, or sent more than once. */
export type HeaderValue = { kind: 'absent' } | { kind: 'one'; value: string } | { kind: 'repeated' };

/**
 * Reads one header whatever the case of its name. A header sent twice (an array, or two spellings of the name in a
 * plain record) is `repeated`: a signature check must not guess which copy the sender meant.
 */
export function headerValue(headers: WebhookHeaders, name: string): HeaderValue {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    values.push(...(typeof value === 'string' ? [value] : value));
  }
  const present = values.map((value) => value.trim()).filter((value) => value !== '');
  if (present.length === 0) return { kind: 'absent' };
  if (present.length > 1) return { kind: 'repeated' };
  return { kind: 'one', value: present[0] };
}

/** A header's single value, or undefined when it is absent or repeated (for optional headers such as event ids). */
export function optionalHeader(headers: WebhookHeaders, name: string): string | undefined {
  const header = headerValue(headers, name);
  return header.kind === 'one' ? header.value : undefined;
}
