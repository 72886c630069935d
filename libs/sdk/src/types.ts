// The SDK declares its own wire types instead of importing @switchboard/contracts, so it can be
// installed on its own without class-validator, NestJS or any other server dependency.

/** Body formats an app environment can speak. */
export type RequestType = 'JSON' | 'XML' | 'FORM' | 'MULTIPART' | 'TEXT';

/** HTTP methods an app action may use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** What `new Switchboard(...)` needs to talk to a gateway on behalf of one workspace user. */
export interface SwitchboardOptions {
  workspace_id: string;
  user_id: string;
  private_key: string;
  /** Gateway base URL; defaults to `SWITCHBOARD_URL`, then `http://localhost:3000`. */
  url?: string;
  /** Deadline of each request in milliseconds; defaults to 30000. */
  timeout_ms?: number;
}

/** One environment of a product (`dev`, `stg`, `prd`, ...). */
export interface ProductEnv {
  slug: string;
  name: string;
  active: boolean;
}

/** A product: the thing a team builds on top of connected apps. */
export interface Product {
  tag: string;
  name: string;
  description: string;
  envs: ProductEnv[];
  created_at: string;
  updated_at: string;
}

/** An environment to create with a new product. */
export interface ProductEnvInput {
  slug: string;
  name?: string;
  active?: boolean;
}

/** Settings used only when `product.init` creates the product; an existing product is returned as is. */
export interface ProductInput {
  name?: string;
  description?: string;
  envs?: ProductEnvInput[];
}

/** One environment of a catalog app: where its API lives and how requests are encoded. */
export interface AppEnv {
  slug: string;
  base_url: string;
  request_type: RequestType;
  active: boolean;
  /** Limits on each outbound attempt in milliseconds; null where the platform default applies. */
  timeouts: { connect_ms: number | null; headers_ms: number | null; body_ms: number | null };
}

/** One callable operation of a catalog app; `path` may hold `:params`. */
export interface AppAction {
  tag: string;
  method: HttpMethod;
  path: string;
  request_type: RequestType | null;
  description: string;
}

/** A third-party service registered in the workspace catalog. */
export interface App {
  tag: string;
  name: string;
  description: string;
  envs: AppEnv[];
  actions: AppAction[];
  auth: AppAuthSchemeView[];
  created_at: string;
  updated_at: string;
}

/** An environment of an app being registered. */
export interface AppEnvInput {
  slug: string;
  base_url: string;
  request_type: RequestType;
  active?: boolean;
  /** Limits on each outbound attempt in milliseconds (at least 1000; connect up to 120000, headers and body up to 600000). */
  timeouts?: { connect_ms?: number; headers_ms?: number; body_ms?: number };
}

/** An action of an app being registered. */
export interface AppActionInput {
  tag: string;
  method: HttpMethod;
  path: string;
  request_type?: RequestType;
  description?: string;
}

/** Body of `switchboard.app.create`. */
export interface CreateAppInput {
  tag: string;
  name?: string;
  description?: string;
  envs?: AppEnvInput[];
  actions?: AppActionInput[];
  /** How the app authenticates; a connection's auth entry names a scheme by tag and carries its credentials. */
  auth?: AppAuthScheme[];
}

/** The kinds of auth scheme an app may declare. */
export type AppAuthSchemeType = 'api_key' | 'bearer' | 'basic' | 'oauth2_client_credentials' | 'oauth2_refresh_token';

/**
 * An app's auth scheme: credentials `api_key` (api_key), `token` (bearer), `username`/`password` (basic),
 * `client_id`/`client_secret` (oauth2_client_credentials), `client_id`/`refresh_token` and, for a confidential
 * client, `client_secret` (oauth2_refresh_token).
 */
export interface AppAuthScheme {
  tag: string;
  type: AppAuthSchemeType;
  /** api_key only (default header). */
  in?: 'header' | 'query';
  /** api_key only: header or query parameter name (default X-API-Key / api_key). */
  name?: string;
  /** OAuth2 types only, and required for them: the token endpoint. */
  token_url?: string;
  /** OAuth2 types only: scopes asked for. */
  scopes?: string[];
  /** OAuth2 types only: the `audience` form field. */
  audience?: string;
  /** OAuth2 types only: client_id/client_secret in the form body (default) or as HTTP basic auth. */
  client_auth?: 'body' | 'basic';
}

/** An auth scheme as an app returns it. */
export interface AppAuthSchemeView {
  tag: string;
  type: AppAuthSchemeType;
  in: 'header' | 'query';
  name: string | null;
  token_url: string | null;
  scopes: string[];
  audience: string | null;
  client_auth: 'body' | 'basic' | null;
}

/** A variable handed to a connected app; the value may hold `$Token{KEY}` secret references. */
export interface ConnectionVariable {
  key: string;
  value: string;
}

/** Credentials for one auth scheme of an app; values may hold `$Token{KEY}` secret references. */
export interface ConnectionAuth {
  auth_tag: string;
  data: Record<string, string | number | boolean>;
}

/** How one product environment reaches a connected app. */
export interface ConnectedAppEnv {
  slug: string;
  product_env_slug: string;
  app_env_slug: string;
  base_url: string | null;
  request_type: RequestType | null;
  active: boolean;
  variables: ConnectionVariable[];
  auth: ConnectionAuth[];
}

/** An app connected to a product under an access tag. */
export interface ConnectedApp {
  access_tag: string;
  app: string;
  app_name: string;
  product: string;
  envs: ConnectedAppEnv[];
  created_at: string;
  updated_at: string;
}

/**
 * Configuration of one product environment of a connected app. `slug` and `product_env_slug`
 * name the same thing (both spellings appear in the docs); `app_env_slug` defaults to it.
 */
export interface ConnectedAppEnvInput {
  slug?: string;
  product_env_slug?: string;
  app_env_slug?: string;
  base_url?: string;
  request_type?: RequestType;
  active?: boolean;
  variables?: ConnectionVariable[];
  auth?: ConnectionAuth[];
}

/** Body of `product.app.add`; without `app`, the access tag names the app. */
export interface AddConnectedAppInput {
  access_tag: string;
  app?: string;
  envs: ConnectedAppEnvInput[];
}

/** Body of `product.app.update`: the listed envs are replaced, the others kept. */
export interface UpdateConnectedAppInput {
  envs: ConnectedAppEnvInput[];
}

/** Input of `secrets.create`. */
export interface CreateSecretInput {
  key: string;
  value: string;
  description?: string;
  /** App tags or access tags allowed to use the secret; empty or absent: every app. */
  scope?: string[];
  /** Env slugs the secret may be used in; empty or absent: every env. */
  envs?: string[];
  /** ISO 8601; after it the secret is refused at run time. */
  expires_at?: string;
}

/** Input of `secrets.update`; a new `value` becomes a new version, `expires_at: null` removes the expiry. */
export interface UpdateSecretInput {
  value?: string;
  description?: string;
  scope?: string[];
  envs?: string[];
  expires_at?: string | null;
}

/** A secret's metadata: never its value. */
export interface Secret {
  key: string;
  description: string;
  scope: string[];
  envs: string[];
  expires_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** What `secrets.fetch` returns: the metadata and the current value. */
export interface SecretWithValue extends Secret {
  value: string;
}

/** One entry of the secrets audit trail. */
export interface SecretAuditEntry {
  id: string;
  key: string;
  action: 'create' | 'update' | 'rotate' | 'delete' | 'fetch' | 'use';
  version: number | null;
  user_id: string | null;
  app: string | null;
  access_tag: string | null;
  env: string | null;
  run_id: string | null;
  at: string;
}

/** Result of `integrations.secrets.set`: it never throws. */
export type SecretSetResult = { status: 'success' } | { status: 'failure'; error: string };

/** Input of `actions.run`: strings anywhere in `input` may hold `$Token{KEY}` references. */
export interface RunActionInput {
  env: string;
  product: string;
  /** The access tag of the connected app. */
  app: string;
  /** The action's tag. */
  event: string;
  input?: {
    headers?: Record<string, string>;
    body?: unknown;
    query?: Record<string, string | number | boolean>;
    params?: Record<string, string | number>;
  };
}

/** The upstream's answer to an action run, whatever its status. */
export interface ActionRunResult {
  run_id: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
  timings: { resolve_ms: number; upstream_ms: number; total_ms: number };
}

/**
 * What `actions.dispatch` returns at once: the run's id, for `actions.runs.fetch`, and `queued`; a dispatch repeated
 * with the same `Idempotency-Key` input header gets the run already queued under it, in its current state.
 */
export interface ActionDispatchResult {
  run_id: string;
  status: RunRecordStatus;
}

/**
 * `succeeded`: the upstream answered, whatever its status. `failed`: an error came before or instead of an answer, and
 * another attempt could not help. Dispatched runs are first `queued` (also while they wait for a retry), then
 * `running`, and end `dead_lettered` when their last allowed attempt failed in a way a retry might have cured.
 */
export type RunRecordStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'dead_lettered';

/** Filters of `actions.runs.list`; records come newest first. */
export interface RunRecordFilters {
  product?: string;
  /** The access tag of the connected app, as in `actions.run`. */
  app?: string;
  status?: RunRecordStatus;
  /** 1-200; 50 when not given. */
  limit?: number;
  /** The `created_at` of the last record of the previous page. */
  before?: string;
}

/** One run record: what ran, how it ended, where the time went, and which secret versions it used. */
export interface RunRecord {
  run_id: string;
  product: string;
  access_tag: string;
  /** The app's tag; `null` when the run failed before its connection was found. */
  app: string | null;
  env: string;
  event: string;
  status: RunRecordStatus;
  /** The upstream's status; `null` when it never answered. */
  http_status: number | null;
  error_code: string | null;
  error_message: string | null;
  /** The request as written: secret references (`$Token{KEY}`) appear as references, never as values. */
  request: { method: string | null; url: string | null; headers: Record<string, string>; body: unknown };
  /** The version of each secret the run used, by key. */
  secret_versions: Record<string, number>;
  /** Milliseconds; `null` for a phase the run never reached (for a dispatched run: its latest attempt). */
  timings: {
    queue_ms: number | null;
    resolve_ms: number | null;
    connect_ms: number | null;
    upstream_ms: number | null;
    /** `null` until a dispatched run's first attempt has ended. */
    total_ms: number | null;
  };
  /** Attempts started: 1 for `actions.run`; for a dispatched run, 0 until an executor takes it. */
  attempts: number;
  /** Attempts allowed: 1 for `actions.run`. */
  max_attempts: number;
  /** When the run started, or was dispatched (ISO 8601, microseconds). */
  created_at: string;
}

/**
 * The `init` of `integrations.fetch`, like fetch()'s. `$(secret:KEY)` and `$Token{KEY}` in the URL, header values
 * and body are replaced with the caller's secrets, then the workspace's secrets open to every app and env.
 */
export interface IntegrationFetchInit {
  /** Any case; defaults to GET without a body and POST with one. */
  method?: string;
  headers?: Record<string, string>;
  /** A string is sent as it is (text/plain unless set); an object or array as JSON (application/json unless set). */
  body?: string | object;
}

/** Reply of `POST /v1/integrations/fetch`: the upstream's answer whatever its status, its body in base64. */
export interface IntegrationFetchReply {
  status: number;
  headers: Record<string, string>;
  body_base64: string;
}

/** What `actions.plan` returns: the request a run would send, references unresolved, and each check's outcome. */
export interface ActionPlan {
  would_run: boolean;
  request: { method: string; url: string; headers: Record<string, string>; body: unknown } | null;
  checks: { check: string; ok: boolean; code?: string; message?: string }[];
}
