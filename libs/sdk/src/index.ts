import { Switchboard } from './switchboard.js';

export { Switchboard };
// The seeds' samples import their SDK's client as the default export; with this one they run with only the import renamed.
export default Switchboard;
export { SwitchboardError, SdkErrorCode, type SwitchboardErrorInit } from './switchboard-error.js';
export { DEFAULT_SWITCHBOARD_URL, DEFAULT_TIMEOUT_MS } from './switchboard-options.js';
export { SDK_VERSION } from './version.js';
// Types only: the clients are reached through a Switchboard instance, never constructed directly.
export type { AppActionsClient, AppsClient } from './apps-client.js';
export type { AppImportsClient } from './app-imports-client.js';
export type { MarketplaceClient } from './marketplace-client.js';
export type { ProductClient } from './product-client.js';
export type { ConnectedAppsClient } from './connected-apps-client.js';
export type { WebhooksClient } from './webhooks-client.js';
export type { WebhookEventsClient } from './webhook-events-client.js';
export type { SecretsClient } from './secrets-client.js';
export type { MembersClient, MemberKeysClient } from './members-client.js';
export type { AuditClient } from './audit-client.js';
export type { ActionsClient } from './actions-client.js';
export type { RunsClient } from './runs-client.js';
export type { IntegrationsClient } from './integrations-client.js';
export type { IntegrationSecretsClient } from './integration-secrets-client.js';
export type * from './types.js';
