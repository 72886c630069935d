import type { ActionView, AppEnvView, AppTemplateView, AppView, AuthSchemeView } from '@switchboard/contracts';
import { isOlderVersion } from '../marketplace/template-version.js';
import { marketplaceTemplates } from '../marketplace/template-library.js';
import type { ActionFields, AppEnvFields } from './app-definition.js';
import type { AppEntity, StoredAuthScheme } from './app.entity.js';

/** The wire form of an app, its envs and actions in the order they were declared. */
export function toAppView(app: AppEntity): AppView {
  return {
    tag: app.tag,
    name: app.name,
    description: app.description,
    envs: [...(app.envs ?? [])].sort((a, b) => a.position - b.position).map(toAppEnvView),
    actions: [...(app.actions ?? [])].sort((a, b) => a.position - b.position).map(toActionView),
    auth: (app.authSchemes ?? []).map(toAuthSchemeView),
    template: templateOf(app),
    created_at: app.createdAt.toISOString(),
    updated_at: app.updatedAt.toISOString(),
  };
}

/** The wire form of one env row. */
export function toAppEnvView(env: AppEnvFields): AppEnvView {
  return {
    slug: env.slug,
    base_url: env.baseUrl,
    request_type: env.requestType,
    active: env.active,
    timeouts: { connect_ms: env.timeouts.connect_ms ?? null, headers_ms: env.timeouts.headers_ms ?? null, body_ms: env.timeouts.body_ms ?? null },
  };
}

/** The wire form of one action row. */
export function toActionView(action: ActionFields): ActionView {
  return {
    tag: action.tag,
    method: action.method,
    path: action.path,
    request_type: action.requestType,
    summary: action.summary,
    description: action.description,
    schema: action.schema,
  };
}

// Schemes stored before OAuth2 schemes existed lack their keys; every reader gets the full shape.
/** The wire form of one stored auth scheme. */
export function toAuthSchemeView(scheme: StoredAuthScheme): AuthSchemeView {
  return {
    tag: scheme.tag,
    type: scheme.type,
    in: scheme.in,
    name: scheme.name,
    token_url: scheme.token_url ?? null,
    scopes: scheme.scopes ?? [],
    audience: scheme.audience ?? null,
    client_auth: scheme.client_auth ?? null,
  };
}

// An installed app is behind when the marketplace now ships a newer version of its template.
function templateOf(app: AppEntity): AppTemplateView | null {
  if (app.templateTag === null || app.templateTag === undefined || app.templateVersion === null) return null;
  const latest = marketplaceTemplates().get(app.templateTag)?.version ?? null;
  return { tag: app.templateTag, version: app.templateVersion, latest_version: latest, update_available: latest !== null && isOlderVersion(app.templateVersion, latest) };
}
