/** Every machine-readable error code the platform returns, over NATS and HTTP alike. */
export enum ErrorCode {
  ValidationFailed = 'validation_failed',
  PayloadTooLarge = 'payload_too_large',
  /** An API document to import over the 10 MiB it may have, counted in bytes before it is parsed. */
  DocumentTooLarge = 'document_too_large',
  /** An `import_id` that names no stored document: it expired, or never existed. */
  ImportNotFound = 'import_not_found',
  /** A request body sent as anything but `application/json`. */
  UnsupportedMediaType = 'unsupported_media_type',
  Unauthenticated = 'unauthenticated',
  /** A call authenticated by the session cookie that changes state without the session's `x-switchboard-csrf` token. */
  CsrfInvalid = 'csrf_invalid',
  /** The caller's role does not cover the call: the message names the role it needs. */
  Forbidden = 'forbidden',
  /** Changing the role of, or removing, the workspace's owner. */
  OwnerProtected = 'owner_protected',
  MemberNotFound = 'member_not_found',
  ApiKeyNotFound = 'api_key_not_found',
  RouteNotFound = 'route_not_found',
  ProductNotFound = 'product_not_found',
  ProductEnvNotFound = 'product_env_not_found',
  /** A run in an env its product has deactivated. */
  ProductEnvInactive = 'product_env_inactive',
  /** Changing the slug of a product env that connections map; details name them. */
  ProductEnvInUse = 'product_env_in_use',
  /** Deleting a product that still has connections; details name them. */
  ProductInUse = 'product_in_use',
  AppNotFound = 'app_not_found',
  AppEnvNotFound = 'app_env_not_found',
  AppTagTaken = 'app_tag_taken',
  /** An app definition, or an import's reply, over a limit of APP_LIMITS / IMPORT_LIMITS; the message names it. */
  AppTooLarge = 'app_too_large',
  /** Deleting an app that products still connect; details name them. */
  AppInUse = 'app_in_use',
  /** No marketplace template (public, or published by the workspace) has that tag. */
  TemplateNotFound = 'template_not_found',
  ConnectionNotFound = 'connection_not_found',
  AccessTagTaken = 'access_tag_taken',
  SecretNotFound = 'secret_not_found',
  SecretKeyTaken = 'secret_key_taken',
  SecretNotInScope = 'secret_not_in_scope',
  SecretNotInEnv = 'secret_not_in_env',
  SecretExpired = 'secret_expired',
  ActionNotFound = 'action_not_found',
  /** A run's input does not match the JSON Schema its action declares for that part. */
  InputInvalid = 'input_invalid',
  RunNotFound = 'run_not_found',
  ConnectionEnvNotFound = 'connection_env_not_found',
  ConnectionEnvInactive = 'connection_env_inactive',
  /** A run referenced `$Variable{KEY}` and its connection env sets no such variable. */
  VariableNotFound = 'variable_not_found',
  MissingPathParam = 'missing_path_param',
  BodyNotEncodable = 'body_not_encodable',
  OutboundAddressRefused = 'outbound_address_refused',
  UpstreamTimeout = 'upstream_timeout',
  UpstreamUnreachable = 'upstream_unreachable',
  UpstreamResponseTooLarge = 'upstream_response_too_large',
  /** An OAuth2 token endpoint refused the connection's credentials, failed, or answered with no usable token. */
  UpstreamAuthFailed = 'upstream_auth_failed',
  /** A dispatch's Idempotency-Key already names a run of another action. */
  IdempotencyKeyReused = 'idempotency_key_reused',
  /** An imported API document that cannot be read: the message gives the line and column or the JSON pointer. */
  DocumentInvalid = 'document_invalid',
  /** An imported API document of a format or version the importer does not read. */
  DocumentUnsupported = 'document_unsupported',
  /** No webhook has that tag in the product, or no webhook has that receive id (one fixed message for receipts). */
  WebhookNotFound = 'webhook_not_found',
  WebhookTagTaken = 'webhook_tag_taken',
  /** A webhook's `signing_secret` that is not one secret reference: the message says how to create the secret. */
  SigningSecretNotReference = 'signing_secret_not_reference',
  /** A webhook's `forward_url` the executor's outbound address policy refuses. */
  ForwardUrlRefused = 'forward_url_refused',
  /** A receipt with a missing or wrong signature: one answer for both. */
  WebhookSignatureInvalid = 'webhook_signature_invalid',
  /** A receipt whose signed timestamp lies outside the webhook's tolerance. */
  WebhookTimestampStale = 'webhook_timestamp_stale',
  /** A receipt whose webhook's signing secret cannot be used (missing, out of scope or env, expired). */
  WebhookSecretUnavailable = 'webhook_secret_unavailable',
  /** A caller over its workspace's or its API key's request rate, shared by every gateway replica: retry after the `Retry-After` seconds. */
  RateLimited = 'rate_limited',
  /** A sender over its webhook's receipt rate (per gateway replica): retry after the `Retry-After` seconds. */
  WebhookRateLimited = 'webhook_rate_limited',
  /** No event of that id was received by the webhook (another webhook's event answers the same). */
  WebhookEventNotFound = 'webhook_event_not_found',
  /** Replaying an event that was refused at receipt, or that is already waiting for delivery. */
  WebhookEventNotReplayable = 'webhook_event_not_replayable',
  /** Replaying the events of a webhook without a forward URL: its product pulls them, there is nowhere to deliver. */
  WebhookForwardUrlMissing = 'webhook_forward_url_missing',
  ConnectionBusy = 'connection_busy',
  /**
   * A run over its connection's rate limit (the connection env's, else its app's), shared by every executor replica,
   * that found no turn within the limit's `max_wait_ms`: never sent; `details.retry_after_ms` says when a turn is free.
   */
  ConnectionRateLimited = 'connection_rate_limited',
  ServiceUnavailable = 'service_unavailable',
  /** A service could not reach PostgreSQL (down, restarting, or refusing connections); a change under way may or may not have been saved. */
  DatabaseUnavailable = 'database_unavailable',
  /** secrets-vault could not use Vault (unreachable, sealed or overloaded, or refusing its token): the change may not have been made, and a run needing a value was not sent. */
  SecretStorageUnavailable = 'secret_storage_unavailable',
  ServiceTimeout = 'service_timeout',
  InternalError = 'internal_error',
}
