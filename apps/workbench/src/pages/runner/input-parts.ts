import type { AppAction, RunActionInput } from '@switchboard/sdk';
import { skeletonOf, type JsonSchema } from './schema-skeleton';

/** The parts of a run's input, each edited as JSON, in the order the executor checks them. */
export const INPUT_PARTS = ['params', 'query', 'headers', 'body'] as const;
export type InputPart = (typeof INPUT_PARTS)[number];

export const PART_LABELS: Record<InputPart, string> = { params: 'Path parameters', query: 'Query', headers: 'Headers', body: 'Body' };

export type InputTexts = Record<InputPart, string>;

/**
 * The editors' first text: each part's skeleton from its schema; path parameters without a schema from the path's
 * `:params`; a part with neither starts empty (and is not sent).
 */
export function initialTexts(action: AppAction): InputTexts {
  const schemas = action.schema as Partial<Record<InputPart, JsonSchema>>;
  const pathParams = [...action.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]);
  const textOf = (part: InputPart): string => {
    const schema = schemas[part];
    if (schema !== undefined) return JSON.stringify(skeletonOf(schema), null, 2);
    if (part === 'params' && pathParams.length > 0) return JSON.stringify(Object.fromEntries(pathParams.map((name) => [name, ''])), null, 2);
    return '';
  };
  return { params: textOf('params'), query: textOf('query'), headers: textOf('headers'), body: textOf('body') };
}

/** The input to send, or the message for each editor whose text is no JSON (or, but for the body, no object). */
export function parsedInput(texts: InputTexts): { input: NonNullable<RunActionInput['input']> } | { errors: Partial<Record<InputPart, string>> } {
  const input: Record<string, unknown> = {};
  const errors: Partial<Record<InputPart, string>> = {};
  for (const part of INPUT_PARTS) {
    const text = texts[part].trim();
    if (text === '') continue;
    try {
      const value: unknown = JSON.parse(text);
      if (part !== 'body' && (typeof value !== 'object' || value === null || Array.isArray(value))) errors[part] = `${PART_LABELS[part]} must be a JSON object`;
      else input[part] = value;
    } catch (error) {
      errors[part] = `Not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { input: input };
}
