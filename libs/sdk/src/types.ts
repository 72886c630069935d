// Every wire type is the contract's own shape, imported type-only: the imports are erased at compile time, so the SDK
// keeps no runtime dependency on @switchboard/contracts (or class-validator, NestJS...) and cannot drift from the API.
import type {
  ActionDispatchReply,
  AppImportPreview as AppImportPreviewContract,
  AppImportResult as AppImportResultContract,
  AppImportOptions as AppImportOptionsContract,
  AppTemplateUpdatePreview as AppTemplateUpdatePreviewContract,
  ListTemplatesQuery,
  PublishAppBody,
  TemplateListView,
  TemplateView,
  ActionInput,
  ActionPlanReply,
  ActionRunReply,
  ActionSummaryView,
  ActionView,
  AddConnectionBody,
  AppEnvInput as AppEnvContract,
  AppEnvView,
  AppListItemView,
  AppView,
  AuthSchemeInput,
  AuthSchemeType,
  AuthSchemeView,
  ConnectedAppView,
  ConnectionAuthInput,
  ConnectionEnvInput,
  ConnectionEnvView,
  ConnectionVariableInput,
  ConnectionView,
  CreateAppBody,
  CreateSecretBody,
  EnsureProductBody,
  IntegrationFetchBody,
  IntegrationFetchReply as IntegrationFetchReplyContract,
  ProductEnvChange as ProductEnvChangeContract,
  ProductEnvInput as ProductEnvContract,
  ProductEnvView,
  ProductView,
  RateLimitInput as RateLimitContract,
  RateLimitPeriod as RateLimitPeriodContract,
  RateLimitView,
  RunActionBody,
  RunRecordsQuery,
  UpdateAppBody,
  RunRecordStatus as RunRecordStatusContract,
  RunRecordView,
  SecretAuditEntryView,
  MemberView,
  CreatedMemberView,
  ApiKeyView,
  IssuedApiKeyView,
  AuditEventView,
  Role,
  SecretAuditQuery,
  SecretView,
  SecretWithValueView,
  SessionView,
  UpdateConnectionBody,
  UpdateProductBody,
  UpdateSecretBody,
  CreateWebhookBody,
  UpdateWebhookBody,
  Webhook as WebhookContract,
  WebhookEnv as WebhookEnvContract,
  WebhookForwardingSecretView,
  RotateWebhookForwardingSecretBody,
  WebhookDeliveryState as WebhookDeliveryStateContract,
  WebhookTargetEnabled as WebhookTargetEnabledContract,
  WebhookHmacOptions as WebhookHmacOptionsContract,
  WebhookHmacView,
  ReplayWebhookEventsBody,
  WebhookDeliveryAttemptView,
  WebhookEventsQuery,
  WebhookEventsReplayed as WebhookEventsReplayedContract,
  WebhookEventStatus as WebhookEventStatusContract,
  WebhookEventSummary as WebhookEventSummaryContract,
  WebhookEventView,
} from '@switchboard/contracts';

export type { HttpMethod, RequestType, WebhookScheme } from '@switchboard/contracts';
/** One invalid field of a request, as a validation error lists them in `details.fields`. */
export type { FieldError } from '@switchboard/contracts';

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

/** What `Switchboard.signIn(...)` needs: the credentials, sent once to start a session and never kept. */
export type SignInOptions = SwitchboardOptions;

/** Where `Switchboard.resume(...)` looks for the session the browser's cookie carries. */
export type ResumeOptions = Pick<SwitchboardOptions, 'url' | 'timeout_ms'>;

/** The sign-in session a client from `signIn` or `resume` is authenticated by (`expires_at` is ISO 8601). */
export type SwitchboardSession = Omit<SessionView, 'csrf_token'>;

/** One environment of a product (`dev`, `stg`, `prd`, ...). */
export type ProductEnv = ProductEnvView;
/** A product: the thing a team builds on top of connected apps. */
export type Product = ProductView;
/** An environment to create with a new product. */
export type ProductEnvInput = ProductEnvContract;
/** Settings used only when `product.init` creates the product; an existing product is returned as is. */
export type ProductInput = EnsureProductBody;
/** A change to one env of a product, named by its current slug: `new_slug`, `name`, `active`. */
export type ProductEnvChange = ProductEnvChangeContract;
/** Body of `product.update`: `name`, `description`, `add_envs` to append, `envs` changes by slug. */
export type UpdateProductInput = UpdateProductBody;

/** One environment of a catalog app: where its API lives and how requests are encoded. */
export type AppEnv = AppEnvView;
/** One callable operation of a catalog app; `path` may hold `:params`. */
export type AppAction = ActionView;
/** An action as an app lists it (`App.actions`): no description nor schemas; `app.actions.fetch` has them. */
export type AppActionSummary = ActionSummaryView;
/** A third-party service registered in the workspace catalog. */
export type App = AppView;
/** An app in the workspace's list (`app.fetchAll`): its actions counted (`action_count`), not listed. */
export type AppListItem = AppListItemView;
/** An environment of an app being registered. */
export type AppEnvInput = AppEnvContract;
/** An action of an app being registered. */
export type AppActionInput = ActionInput;
/** Query of `switchboard.marketplace.list`. */
export type MarketplaceListQuery = ListTemplatesQuery;
/** A page of marketplace templates with category counts. */
export type MarketplaceTemplateList = TemplateListView;
/** One marketplace template whole. */
export type MarketplaceTemplateView = TemplateView;
/** Body of `switchboard.marketplace.publish`: category, version and docs_url of the workspace's own listing. */
export type MarketplacePublishInput = PublishAppBody;
/** What updating an installed app to its template's newest version would change. */
export type AppTemplateUpdatePreview = AppTemplateUpdatePreviewContract;
/** What an import would create (or, with `app`, change), writing nothing; commit its `import_id`. */
export type AppImportPreview = AppImportPreviewContract;
/** The app an import created or re-imported, with the diff of a re-import. */
export type AppImportResult = AppImportResultContract;
/**
 * Where `switchboard.app.import` reads an API document: its text, a URL the platform downloads, the `import_id` of a
 * preview, or a file's bytes (sent as a multipart upload).
 */
export type AppImportSource = string | { url: string } | { import_id: string } | Blob | Uint8Array;
/** The new app's tag and name (the document's title by default), or `app`: the existing app to re-import into. */
export type AppImportOptions = AppImportOptionsContract;
/** Body of `switchboard.app.create`. */
export type CreateAppInput = CreateAppBody;
/** Body of `switchboard.app.update`: only what changes, with `remove_envs`/`remove_actions`/`remove_auth` lists. */
export type UpdateAppInput = UpdateAppBody;
/** The periods a rate limit counts in. */
export type RateLimitPeriod = RateLimitPeriodContract;
/**
 * A third party's request limit, as an app (`rate_limit`) or a connected app's env (its own, in place of the app's)
 * takes it: `requests` per `per`, `burst` at once (1 by default), waiting up to `max_wait_ms` (1000) for a turn.
 */
export type RateLimitInput = RateLimitContract;
/** A rate limit as an app or a connected app's env returns it, defaults filled in. */
export type RateLimit = RateLimitView;
/** The kinds of auth scheme an app may declare. */
export type AppAuthSchemeType = AuthSchemeType;
/** An app's auth scheme, as `app.create` takes it. */
export type AppAuthScheme = AuthSchemeInput;
/** An auth scheme as an app returns it. */
export type AppAuthSchemeView = AuthSchemeView;

/** A variable handed to a connected app; the value may hold `$Token{KEY}` secret references. */
export type ConnectionVariable = ConnectionVariableInput;
/** Credentials for one auth scheme of an app; values may hold `$Token{KEY}` secret references. */
export type ConnectionAuth = ConnectionAuthInput;
/** How one product environment reaches a connected app. */
export type ConnectedAppEnv = ConnectionEnvView;
/** An app connected to a product under an access tag. */
export type ConnectedApp = ConnectedAppView;
/** A connection as stored, without its app's name: what `product.app.delete` answers. */
export type Connection = ConnectionView;
/**
 * Configuration of one product environment of a connected app; in an update, `base_url: null` and `rate_limit: null`
 * remove the override.
 */
export type ConnectedAppEnvInput = ConnectionEnvInput;
/** Body of `product.app.add`; without `app`, the access tag names the app. */
export type AddConnectedAppInput = AddConnectionBody;
/** Body of `product.app.update`: the listed envs are replaced, the others kept. */
export type UpdateConnectedAppInput = UpdateConnectionBody;

/** Input of `secrets.create`. */
export type CreateSecretInput = CreateSecretBody;
/** Input of `secrets.update`; a new `value` becomes a new version, `expires_at: null` removes the expiry. */
export type UpdateSecretInput = UpdateSecretBody;
/** A secret's metadata: never its value. */
export type Secret = SecretView;
/** What `secrets.fetch` returns: the metadata and the current value. */
export type SecretWithValue = SecretWithValueView;
/** One entry of the secrets audit trail. */
export type SecretAuditEntry = SecretAuditEntryView;

export type MemberRole = `${Role}`;
export type Member = MemberView;
/** A member as `members.create` answers: with their first API key, whose `private_key` is shown this once. */
export type CreatedMember = CreatedMemberView;
/** `members.create`: `role` is `viewer`, `developer` or `admin` (the owner is whoever created the workspace). */
export interface CreateMemberInput {
  name: string;
  role: Exclude<MemberRole, 'owner'>;
}
export type UpdateMemberInput = Partial<CreateMemberInput>;
export type ApiKey = ApiKeyView;
/** A key as it is created or rotated: `private_key` is shown this once. */
export type IssuedApiKey = IssuedApiKeyView;
/** `members.keys.create`: `expires_at` an ISO 8601 instant in the future; absent, the key never expires. */
export interface CreateApiKeyInput {
  name: string;
  expires_at?: string;
}
export type AuditEvent = AuditEventView;
/** `audit.fetch`: `limit` 1-200 (50 by default), `before` the `event_id` of the last event of the previous page. */
export interface AuditEventFilters {
  limit?: number;
  before?: string;
}
/** Filters of `secrets.audit`, newest first. */
export type SecretAuditFilters = SecretAuditQuery;
/** Result of `integrations.secrets.set`: it never throws. */
export type SecretSetResult = { status: 'success' } | { status: 'failure'; error: string };

/** Input of `actions.run`: strings anywhere in `input` may hold `$Token{KEY}` references. */
export type RunActionInput = RunActionBody;
/** The upstream's answer to an action run, whatever its status. */
export type ActionRunResult = ActionRunReply;
/** What `actions.dispatch` returns at once: the run's id, for `actions.runs.fetch`, and its state. */
export type ActionDispatchResult = ActionDispatchReply;
/** What `actions.plan` returns: the request a run would send, references unresolved, and each check's outcome. */
export type ActionPlan = ActionPlanReply;
/** Where a run record stands. */
export type RunRecordStatus = RunRecordStatusContract;
/** One run record: what ran, how it ended, where the time went, and which secret versions it used. */
export type RunRecord = RunRecordView;
/** Filters of `actions.runs.list`, newest first; `app` is the connected app's access tag, as in `actions.run`. */
export type RunRecordFilters = RunRecordsQuery;

/** The `init` of `integrations.fetch`, like fetch()'s: `method` in any case, upper-cased before it is sent. */
export type IntegrationFetchInit = Omit<IntegrationFetchBody, 'url' | 'method'> & { method?: string };
/** Reply of `POST /v1/integrations/fetch`: the upstream's answer whatever its status, its body in base64. */
export type IntegrationFetchReply = IntegrationFetchReplyContract;

/** Input of `product.webhooks.create`: `name`, `tag`, `signing_secret` (a secret reference), and the optional rest. */
export type CreateWebhookInput = CreateWebhookBody;
/** Input of `product.webhooks.update`: the fields to change; `app` and `forward_url` may be `null` to remove them. */
export type UpdateWebhookInput = UpdateWebhookBody;
/** A generic HMAC's options (scheme `hmac`), as given. */
export type WebhookHmacOptions = WebhookHmacOptionsContract;
/** A generic HMAC's options as stored, defaults filled in. */
export type WebhookHmac = WebhookHmacView;
/** One env a webhook receives in, with the URL its sender posts to. */
export type WebhookEnv = WebhookEnvContract;
/** A webhook, with a receive URL per env. */
export type Webhook = WebhookContract;
/**
 * The secret Switchboard signs a webhook's forwarded events with: `{secret: 'whsec_…', created_at, previous}`,
 * `previous` being, during a rotation's overlap, the replaced secret and when it stops signing (else `null`).
 */
export type WebhookForwardingSecret = WebhookForwardingSecretView;
/** Options of `product.webhooks.rotateForwardingSecret`: `overlap_seconds`, 0 to 604800, a day by default. */
export type RotateForwardingSecretInput = RotateWebhookForwardingSecretBody;
/** How delivery to a webhook's forward URL is doing: healthy, failing (since when, why) or disabled (events held). */
export type WebhookDeliveryState = WebhookDeliveryStateContract;
/** What `product.webhooks.enable` did: the delivery state now, and how many held events it queued. */
export type WebhookTargetEnabled = WebhookTargetEnabledContract;
/** Where a received event stands: refused, stored (to be pulled), queued, held (its target disabled), delivered, dead_lettered. */
export type WebhookEventStatus = WebhookEventStatusContract;
/** Filters of `product.webhooks.events.list`: newest first paged by `before`, or pulled by `after_sequence`. */
export type WebhookEventFilters = WebhookEventsQuery;
/** One received event in a list, without headers and body. */
export type WebhookEventSummary = WebhookEventSummaryContract;
/** One received event: headers, body, and every delivery attempt. */
export type WebhookEvent = WebhookEventView;
/** One ended attempt to forward an event. */
export type WebhookDeliveryAttempt = WebhookDeliveryAttemptView;
/** Filter of `product.webhooks.events.replayAll`: dead-lettered events unless `status` says otherwise. */
export type ReplayWebhookEventsFilter = ReplayWebhookEventsBody;
/** Reply of `product.webhooks.events.replayAll`: how many were queued again, and whether more matched. */
export type WebhookEventsReplayed = WebhookEventsReplayedContract;
