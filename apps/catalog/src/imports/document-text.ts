import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { parseDocument, type YAMLError } from 'yaml';

/**
 * The object a document's text holds, JSON or YAML. JSON is read with JSON.parse (fast on a 10 MiB document); text
 * that is not JSON is read as YAML, whose parser reports the line and column of the first mistake.
 */
export function parseDocumentText(text: string): Record<string, unknown> {
  if (text.trim() === '') throw invalid('The document is empty');
  const value = /^\s*[{[]/.test(text) ? parseJsonOrYaml(text) : parseYaml(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid('The document must be a JSON or YAML object (an OpenAPI, Swagger or Postman document)');
  }
  return value as Record<string, unknown>;
}

// YAML is a superset of JSON: a JSON document with a mistake is read again as YAML only to locate that mistake.
function parseJsonOrYaml(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return parseYaml(text);
  }
}

function parseYaml(text: string): unknown {
  // Aliases are capped (the library's default of 100) so a "billion laughs" document cannot expand without bound.
  const document = parseDocument(text, { uniqueKeys: true });
  const [error] = document.errors;
  if (error !== undefined) throw invalid(`The document is not valid JSON or YAML: ${describe(error)}`);
  try {
    return document.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (failure) {
    throw invalid(`The document is not valid JSON or YAML: ${(failure as Error).message}`);
  }
}

function describe(error: YAMLError): string {
  const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const position = error.linePos?.[0];
  return position === undefined ? message : `${message} at line ${position.line}, column ${position.col}`;
}

function invalid(message: string): DomainError {
  return new DomainError(ErrorCode.DocumentInvalid, message);
}
