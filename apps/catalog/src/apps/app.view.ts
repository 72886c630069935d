import type { ActionSummaryView, ActionView, AppEnvView, AppListItemView, AppTemplateView, AppView, AuthSchemeView } from '@switchboard/contracts';
import { isOlderVersion } from '../marketplace/template-version.js';
import { marketplaceTemplates } from '../marketplace/template-library.js';
import type { ActionFields, AppEnvFields } from './app-definition.js';
import type { AppEntity, StoredAuthScheme } from './app.entity.js';

/**
 * An app with every action whole: what the catalog diffs and patches. Never a reply: it grows with every schema (an
 * import of 5,000 operations holds tens of MiB of them).
 */
export interface AppDefinitionView extends Omit<AppView, 'actions'> {
  actions: ActionView[];
}

/** The app with its actions whole in the order they were declared, for the catalog's own use (see {@link AppDefinitionView}). */
export function toAppDefinitionView(app: AppEntity): AppDefinitionView {
  return { ...appHeaderOf(app), actions: [...(app.actions ?? [])].sort((a, b) => a.position - b.position).map(toActionView) };
}

/** The wire form of an app in a list: its actions counted, not listed. */
export function toAppListItemView(app: AppEntity, actionCount: number): AppListItemView {
  return { ...appHeaderOf(app), action_count: actionCount };
}

/** An app without its actions, its envs in the order they were declared: what every view of it starts with. */
export function appHeaderOf(app: AppEntity): Omit<AppView, 'actions'> {
  return {
    tag: app.tag,
    name: app.name,
    description: app.description,
    envs: [...(app.envs ?? [])].sort((a, b) => a.position - b.position).map(toAppEnvView),
    auth: (app.authSchemes ?? []).map(toAuthSchemeView),
    rate_limit: app.rateLimit ?? null,
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

/** How an app view lists one action row (AppsService.fetch reads the same fields straight from the table). */
export function toActionSummaryView(action: ActionFields): ActionSummaryView {
  return {
    tag: action.tag,
    method: action.method,
    path: action.path,
    request_type: action.requestType,
    summary: action.summary,
    has_schema: Object.keys(action.schema).length > 0,
  };
}

/** The wire form of one action row, whole. */
export function toActionView(action: ActionFields): ActionView {
  return { ...toActionSummaryView(action), description: action.description, schema: action.schema };
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
