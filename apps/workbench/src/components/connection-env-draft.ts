import type { AppAuthSchemeType, AppAuthSchemeView, AppEnv, ConnectedAppEnv, ConnectedAppEnvInput, ProductEnv } from '@switchboard/sdk';

/** The credential fields a connection's auth data gives each kind of scheme, as the executor reads them. */
export const CREDENTIAL_FIELDS: Readonly<Record<AppAuthSchemeType, readonly string[]>> = {
  api_key: ['api_key'],
  bearer: ['token'],
  basic: ['username', 'password'],
  oauth2_client_credentials: ['client_id', 'client_secret'],
  oauth2_refresh_token: ['client_id', 'client_secret', 'refresh_token'],
};

/**
 * One product env of a connection being edited: the app env it maps to (null: not connected), the base URL that
 * overrides that app env's ('' for none), variables, auth data.
 */
export interface ConnectionEnvDraft {
  productEnv: ProductEnv;
  appEnvSlug: string | null;
  baseUrl: string;
  variables: { key: string; value: string }[];
  /** Credential values by auth scheme tag, then by field; kept as written, `$Token{KEY}` references included. */
  auth: Record<string, Record<string, string>>;
}

/**
 * The app env a product env maps to unless the user picks another: the app env of the same slug, else the one whose
 * slug is the product env's name (Production → production), else none.
 */
export function defaultAppEnvSlug(productEnv: ProductEnv, appEnvs: readonly AppEnv[]): string | null {
  const bySlug = appEnvs.find((env) => env.slug === productEnv.slug);
  if (bySlug !== undefined) return bySlug.slug;
  const name = productEnv.name.trim().toLowerCase();
  return appEnvs.find((env) => env.slug.toLowerCase() === name)?.slug ?? null;
}

/** Drafts for a new connection: every product env, mapped by default where an app env matches. */
export function newConnectionDrafts(productEnvs: readonly ProductEnv[], appEnvs: readonly AppEnv[]): ConnectionEnvDraft[] {
  return productEnvs.map((productEnv) => ({ productEnv, appEnvSlug: defaultAppEnvSlug(productEnv, appEnvs), baseUrl: '', variables: [], auth: {} }));
}

/** Drafts for editing a connection: its envs as stored, and the product's other envs not connected. */
export function storedConnectionDrafts(productEnvs: readonly ProductEnv[], stored: readonly ConnectedAppEnv[]): ConnectionEnvDraft[] {
  return productEnvs.map((productEnv) => {
    const env = stored.find((candidate) => candidate.product_env_slug === productEnv.slug);
    if (env === undefined) return { productEnv, appEnvSlug: null, baseUrl: '', variables: [], auth: {} };
    return {
      productEnv,
      appEnvSlug: env.app_env_slug,
      baseUrl: env.base_url ?? '',
      variables: env.variables.map(({ key, value }) => ({ key, value })),
      auth: Object.fromEntries(env.auth.map(({ auth_tag, data }) => [auth_tag, Object.fromEntries(Object.entries(data).map(([field, value]) => [field, String(value)]))])),
    };
  });
}

/** One env of the request and the draft it came from, so the API's `envs.N…` errors find their row. */
export interface ConnectionEnvRequest {
  draft: ConnectionEnvDraft;
  input: ConnectedAppEnvInput;
}

/**
 * The request's envs: each connected draft, its blank variable rows and blank credential fields left out (the API
 * checks the rest), a scheme sent only when one of its fields is filled. A blank base URL is sent as null, which
 * removes a stored override (an update keeps one left out).
 */
export function connectionEnvRequests(drafts: readonly ConnectionEnvDraft[], schemes: readonly AppAuthSchemeView[]): ConnectionEnvRequest[] {
  return drafts.flatMap((draft) => {
    if (draft.appEnvSlug === null) return [];
    const variables = draft.variables.filter(({ key, value }) => key !== '' || value !== '');
    const auth = schemes.flatMap((scheme) => {
      const data = Object.fromEntries(Object.entries(draft.auth[scheme.tag] ?? {}).filter(([, value]) => value !== ''));
      return Object.keys(data).length === 0 ? [] : [{ auth_tag: scheme.tag, data }];
    });
    const base_url = draft.baseUrl === '' ? null : draft.baseUrl;
    return [{ draft, input: { slug: draft.productEnv.slug, app_env_slug: draft.appEnvSlug, base_url, variables, auth } }];
  });
}

/** The form field of a draft's part: `env.prd.app_env`, `env.prd.base_url`, `env.prd.variables.0.key`, `env.prd.auth.secret-key`. */
export const draftField = {
  appEnv: (slug: string) => `env.${slug}.app_env`,
  baseUrl: (slug: string) => `env.${slug}.base_url`,
  variables: (slug: string) => `env.${slug}.variables`,
  variable: (slug: string, row: number, part: 'key' | 'value') => `env.${slug}.variables.${row}.${part}`,
  auth: (slug: string, schemeTag: string) => `env.${slug}.auth.${schemeTag}`,
};

/**
 * Where the API's field names for the request's envs land in the form. Rows left out of the request (blank variables,
 * schemes without data) shift indexes, so each name is built from what was sent.
 */
export function envFieldsByApiName(requests: readonly ConnectionEnvRequest[]): Record<string, string> {
  const fields: Record<string, string> = {};
  requests.forEach(({ draft, input }, index) => {
    const slug = draft.productEnv.slug;
    const env = `envs.${index}`;
    for (const name of [env, `${env}.slug`, `${env}.app_env_slug`]) fields[name] = draftField.appEnv(slug);
    fields[`${env}.base_url`] = draftField.baseUrl(slug);
    fields[`${env}.variables`] = draftField.variables(slug);
    const sentRows = draft.variables.flatMap((variable, row) => (variable.key !== '' || variable.value !== '' ? [row] : []));
    sentRows.forEach((row, sent) => {
      fields[`${env}.variables.${sent}`] = draftField.variable(slug, row, 'key');
      fields[`${env}.variables.${sent}.key`] = draftField.variable(slug, row, 'key');
      fields[`${env}.variables.${sent}.value`] = draftField.variable(slug, row, 'value');
    });
    (input.auth ?? []).forEach(({ auth_tag }, sent) => {
      for (const name of [`${env}.auth.${sent}`, `${env}.auth.${sent}.auth_tag`, `${env}.auth.${sent}.data`]) fields[name] = draftField.auth(slug, auth_tag);
    });
    fields[`${env}.auth`] = draftField.appEnv(slug);
  });
  return fields;
}
