import { isAbsoluteHttpUrl, OAUTH2_SCOPE_PATTERN, type AuthSchemeInput } from '@switchboard/contracts';
import { jsonPointer, type ImportWarnings } from './import-warnings.js';
import { tagOf, uniqueTags } from './tags.js';

const AUTH_SCHEMES_MAX = 10;
const SCOPES_MAX = 50;
const PARAMETER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$/;

type JsonObject = Record<string, unknown>;

/**
 * Auth schemes from OpenAPI `securitySchemes` (Swagger's `securityDefinitions` arrive upgraded): API keys in a header
 * or the query, HTTP bearer and basic, OAuth2 client credentials and authorization code (as oauth2_refresh_token, the
 * closest type: connections then bring a refresh token obtained elsewhere). Others are left out with a warning.
 * `baseUrl` resolves a relative token URL.
 */
export function authSchemesFromSecuritySchemes(schemes: JsonObject, baseUrl: string | undefined, warnings: ImportWarnings): AuthSchemeInput[] {
  const tags = uniqueTags();
  const result: AuthSchemeInput[] = [];
  for (const [name, scheme] of Object.entries(schemes)) {
    const pointer = jsonPointer('components', 'securitySchemes', name);
    if (typeof scheme !== 'object' || scheme === null) continue;
    for (const input of schemesOf(name, scheme as JsonObject, baseUrl, pointer, warnings)) {
      if (result.length === AUTH_SCHEMES_MAX) {
        warnings.add('too_many_auth_schemes', `Only the first ${AUTH_SCHEMES_MAX} auth schemes were imported`, pointer);
        return result;
      }
      result.push({ ...input, tag: tags.claim(input.tag) });
    }
  }
  return result;
}

function schemesOf(name: string, scheme: JsonObject, baseUrl: string | undefined, pointer: string, warnings: ImportWarnings): AuthSchemeInput[] {
  const tag = tagOf(name, 'auth');
  const type = String(scheme.type);
  if (type === 'apiKey') {
    if ((scheme.in === 'header' || scheme.in === 'query') && typeof scheme.name === 'string' && PARAMETER_NAME.test(scheme.name)) {
      return [{ tag, type: 'api_key', in: scheme.in, name: scheme.name }];
    }
    warnings.add('unsupported_security', `The API key scheme ${name} is sent in ${String(scheme.in)}; only header and query keys are supported, so it was left out`, pointer);
    return [];
  }
  if (type === 'http') {
    const httpScheme = String(scheme.scheme).toLowerCase();
    if (httpScheme === 'bearer') return [{ tag, type: 'bearer' }];
    if (httpScheme === 'basic') return [{ tag, type: 'basic' }];
    warnings.add('unsupported_security', `The HTTP auth scheme ${name} uses ${httpScheme}; only bearer and basic are supported, so it was left out`, pointer);
    return [];
  }
  if (type === 'oauth2') return oauth2SchemesOf(name, tag, scheme, baseUrl, pointer, warnings);
  warnings.add('unsupported_security', `The security scheme ${name} is of type ${type}, which Switchboard does not support; it was left out`, pointer);
  return [];
}

function oauth2SchemesOf(name: string, tag: string, scheme: JsonObject, baseUrl: string | undefined, pointer: string, warnings: ImportWarnings): AuthSchemeInput[] {
  const flows = (typeof scheme.flows === 'object' && scheme.flows !== null ? scheme.flows : {}) as Record<string, JsonObject>;
  const result: AuthSchemeInput[] = [];
  for (const [flowName, flow] of Object.entries(flows)) {
    const flowPointer = jsonPointer(...pointer.split('/').slice(1), 'flows', flowName);
    const type = flowName === 'clientCredentials' ? 'oauth2_client_credentials' : flowName === 'authorizationCode' ? 'oauth2_refresh_token' : undefined;
    if (type === undefined) {
      warnings.add('unsupported_security', `The OAuth2 ${flowName} flow of ${name} is not supported (only clientCredentials and authorizationCode); it was left out`, flowPointer);
      continue;
    }
    const tokenUrl = absoluteUrl(flow.tokenUrl, baseUrl);
    if (tokenUrl === undefined) {
      warnings.add('unsupported_security', `The OAuth2 ${flowName} flow of ${name} has no absolute http(s) token URL; it was left out`, flowPointer);
      continue;
    }
    if (type === 'oauth2_refresh_token') {
      warnings.add('oauth2_authorization_code', `The OAuth2 authorization code flow of ${name} was imported as oauth2_refresh_token: a connection brings a refresh token obtained outside Switchboard`, flowPointer);
    }
    const scopes = Object.keys(typeof flow.scopes === 'object' && flow.scopes !== null ? flow.scopes : {}).filter((scope) => OAUTH2_SCOPE_PATTERN.test(scope)).slice(0, SCOPES_MAX);
    result.push({ tag: result.length === 0 ? tag : `${tag}-${flowName === 'authorizationCode' ? 'authorization-code' : 'client-credentials'}`, type, token_url: tokenUrl, ...(scopes.length > 0 ? { scopes } : {}) });
  }
  return result;
}

function absoluteUrl(url: unknown, baseUrl: string | undefined): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    const resolved = new URL(url, baseUrl).toString();
    return isAbsoluteHttpUrl(resolved) ? resolved : undefined;
  } catch {
    return undefined;
  }
}
