import { isAbsoluteHttpUrl, type AppEnvInput, type RequestType } from '@switchboard/contracts';
import { jsonPointer, type ImportWarnings } from './import-warnings.js';
import { envSlugOf, uniqueEnvSlugs } from './tags.js';

/** One place an API is served, as documents describe it: an OpenAPI server, or a URL from a Postman variable. */
export interface ServerCandidate {
  url: string;
  description?: string;
  pointer: string;
}

const ENVS_MAX = 50;
// Words that name an environment, in the order they are looked for in a server's description, then its URL.
const ENV_WORDS: [RegExp, string][] = [
  [/\bsandbox\b/i, 'sandbox'],
  [/\b(staging|stage|stg)\b/i, 'staging'],
  [/\b(test|testing|testnet)\b/i, 'test'],
  [/\b(development|dev)\b/i, 'development'],
  [/\b(mock|mocks)\b/i, 'mock'],
  [/\b(localhost|local)\b/i, 'local'],
  [/\b(production|prod|live)\b/i, 'production'],
];

/**
 * App envs from the servers a document lists, each with a slug read from its description or URL (`production`,
 * `sandbox`…), unique. A server whose URL is not an absolute http(s) URL is left out with a warning.
 */
export function envsFromServers(servers: ServerCandidate[], requestType: RequestType, warnings: ImportWarnings): AppEnvInput[] {
  const slugs = uniqueEnvSlugs();
  const envs: AppEnvInput[] = [];
  for (const server of servers) {
    const baseUrl = server.url.replace(/\/+$/, '');
    if (!isAbsoluteHttpUrl(baseUrl)) {
      warnings.add('server_not_absolute', `The server URL ${server.url} is not an absolute http(s) URL; it was left out of the app envs`, server.pointer);
      continue;
    }
    if (envs.length === ENVS_MAX) {
      warnings.add('too_many_servers', `Only the first ${ENVS_MAX} servers became app envs`, server.pointer);
      break;
    }
    envs.push({ slug: slugs.claim(slugOf(server, envs.length === 0, slugs.has('production'))), base_url: baseUrl, request_type: requestType });
  }
  return envs;
}

function slugOf(server: ServerCandidate, first: boolean, productionTaken: boolean): string {
  for (const text of [server.description ?? '', new URL(server.url.replace(/\/+$/, '')).hostname]) {
    const word = ENV_WORDS.find(([pattern]) => pattern.test(text.replaceAll('.', ' ')));
    if (word !== undefined) return word[1];
  }
  if (first && !productionTaken) return 'production';
  if (server.description !== undefined && server.description.trim() !== '') return envSlugOf(server.description, 'server');
  return envSlugOf(new URL(server.url.replace(/\/+$/, '')).hostname.replaceAll('.', '-'), 'server');
}

/** An OpenAPI server's URL with each `{variable}` replaced by its default, or undefined with a warning. */
export function substituteServerVariables(server: Record<string, unknown>, pointer: string, warnings: ImportWarnings): string | undefined {
  if (typeof server.url !== 'string') return undefined;
  const variables = (typeof server.variables === 'object' && server.variables !== null ? server.variables : {}) as Record<string, { default?: unknown; enum?: unknown[] }>;
  let missing: string | undefined;
  const url = server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    const value = variable?.default ?? variable?.enum?.[0];
    if (typeof value !== 'string' && typeof value !== 'number') {
      missing = name;
      return whole;
    }
    return String(value);
  });
  if (missing !== undefined) {
    warnings.add('server_variable_undefined', `The server URL ${server.url} uses the variable ${missing}, which has no default; it was left out of the app envs`, jsonPointer(...pointerSegments(pointer), 'variables', missing));
    return undefined;
  }
  return url;
}

function pointerSegments(pointer: string): string[] {
  return pointer.split('/').slice(1).map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}
