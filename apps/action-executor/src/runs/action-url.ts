import { ErrorCode, type ActionRunInput } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';

const PATH_PARAM = /:([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * The URL an action calls: the env's base URL (its own path kept as a prefix), the action's path
 * with every `:param` filled from `params` (URL-encoded), then the query (an array's key once per item).
 */
export function buildActionUrl(
  baseUrl: string,
  path: string,
  params: Readonly<NonNullable<ActionRunInput['params']>> = {},
  query: Readonly<NonNullable<ActionRunInput['query']>> = {},
): URL {
  const filledPath = path.replace(PATH_PARAM, (_match, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') {
      throw new DomainError(ErrorCode.MissingPathParam, `input.params.${name} is required by the action path ${path}`, { field: `input.params.${name}`, path });
    }
    return encodeURIComponent(String(value));
  });
  const url = new URL(baseUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${filledPath}`;
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(item));
  }
  return url;
}
