/** The upstream body as the caller gets it: parsed JSON when it says JSON and parses, otherwise the raw text. */
export function decodeResponseBody(body: Uint8Array, contentType: string | undefined): unknown {
  const text = new TextDecoder().decode(body);
  if (text.length === 0) return null;
  if (!contentType || !/[/+]json\b/i.test(contentType)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A malformed upstream reply is handed back verbatim instead of failing the run.
    return text;
  }
}
