import { fieldNestedDeeperThan } from '@switchboard/platform';

/**
 * How deep a parsed upstream reply may nest. Past a few thousand levels JSON.stringify and structuredClone overflow
 * the call stack, so the reply could not be sent back; no real API nests this deep.
 */
export const RESPONSE_MAX_NESTING = 256;

/**
 * The upstream body as the caller gets it: parsed JSON when it says JSON, parses and nests at most
 * RESPONSE_MAX_NESTING levels, otherwise the raw text.
 */
export function decodeResponseBody(body: Uint8Array, contentType: string | undefined): unknown {
  const text = new TextDecoder().decode(body);
  if (text.length === 0) return null;
  if (!contentType || !/[/+]json\b/i.test(contentType)) return text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    // A malformed upstream reply is handed back verbatim instead of failing the run.
    return text;
  }
  return fieldNestedDeeperThan({ body: parsed }, RESPONSE_MAX_NESTING) === undefined ? parsed : text;
}
