import { OAUTH2_SCHEME_TYPES, rateLimitViewOf, type ActionInput, type AppEnvInput, type AppView, type AuthSchemeInput, type CreateAppBody, type RateLimitView } from '@switchboard/contracts';
import { assertUniqueKeys } from '@switchboard/platform';
import type { ActionEntity } from './action.entity.js';
import type { AppEnvEntity } from './app-env.entity.js';
import type { StoredAuthScheme } from './app.entity.js';

/** The columns of an env row that its definition decides. */
export type AppEnvFields = Pick<AppEnvEntity, 'workspaceId' | 'slug' | 'baseUrl' | 'requestType' | 'active' | 'timeouts' | 'position'>;

/** The columns of an action row that its definition decides. */
export type ActionFields = Pick<ActionEntity, 'workspaceId' | 'tag' | 'method' | 'path' | 'requestType' | 'summary' | 'description' | 'schema' | 'position'>;

/** Refuses a definition listing one env slug, action tag or auth scheme tag twice (400 naming the second). */
export function assertUniqueDefinitionKeys(body: CreateAppBody): void {
  assertUniqueKeys(body.envs ?? [], (env) => env.slug, 'envs', 'slug');
  assertUniqueKeys(body.actions ?? [], (action) => action.tag, 'actions', 'tag');
  assertUniqueKeys(body.auth ?? [], (scheme) => scheme.tag, 'auth', 'tag');
}

/** An app's name as stored: the tag stands in when none is given. */
export const appNameOf = (body: CreateAppBody): string => body.name ?? body.tag;

/** An app's description as stored. */
export const appDescriptionOf = (body: CreateAppBody): string => body.description ?? '';

/** An app's rate limit as stored, its defaults filled in. */
export const appRateLimitOf = (body: CreateAppBody): RateLimitView | null => (body.rate_limit ? rateLimitViewOf(body.rate_limit) : null);

/**
 * A definition from an API document or a template, neither of which need say anything of rate limits: without a
 * `rate_limit` of its own it keeps the app's, which its workspace set for its own plan with the third party.
 */
export function keepingRateLimit(definition: CreateAppBody, current: Pick<AppView, 'rate_limit'>): CreateAppBody {
  return definition.rate_limit !== undefined || current.rate_limit === null ? definition : { ...definition, rate_limit: current.rate_limit };
}

/** An auth scheme with its defaults filled in, as the app row stores it. */
export function storedAuthSchemeOf(scheme: AuthSchemeInput): StoredAuthScheme {
  const oauth2 = (OAUTH2_SCHEME_TYPES as readonly string[]).includes(scheme.type);
  return {
    tag: scheme.tag,
    type: scheme.type,
    in: scheme.in ?? 'header',
    name: scheme.type === 'api_key' ? (scheme.name ?? (scheme.in === 'query' ? 'api_key' : 'X-API-Key')) : null,
    // The contract lets token_url (required for them) and these settings through for OAuth2 types only.
    token_url: scheme.token_url ?? null,
    scopes: scheme.scopes ?? [],
    audience: scheme.audience ?? null,
    client_auth: oauth2 ? (scheme.client_auth ?? 'body') : null,
  };
}

/** An env with its defaults filled in, as its row stores it. */
export function appEnvFieldsOf(workspaceId: string, env: AppEnvInput, position: number): AppEnvFields {
  return {
    workspaceId,
    slug: env.slug,
    baseUrl: env.base_url,
    requestType: env.request_type,
    active: env.active ?? true,
    // Only the limits given are stored: a later change of a platform default reaches every other one.
    timeouts: { ...env.timeouts },
    position,
  };
}

/** An action with its defaults filled in, as its row stores it. */
export function actionFieldsOf(workspaceId: string, action: ActionInput, position: number): ActionFields {
  const { tag, method, path, request_type, summary, description, schema, ...unstored } = action;
  // A field added to ActionInput fails to compile here until it is stored: diffApp compares what is stored and shown.
  void (unstored satisfies Record<string, never>);
  return {
    workspaceId,
    tag,
    method,
    path,
    requestType: request_type ?? null,
    summary: summary ?? '',
    description: description ?? '',
    // Only the parts declared are stored, so an action reads back the same however the input spelled "none".
    schema: Object.fromEntries(Object.entries(schema ?? {}).filter(([, part]) => part !== undefined)),
    position,
  };
}
