import type * as contracts from '@switchboard/contracts';
import { expectTypeOf } from 'expect-type';
import type * as sdk from './types.js';

// Checked by `npm run typecheck`: each SDK wire type must be exactly its contract's shape, so a field added, removed
// or retyped on either side breaks the build instead of reaching callers as a silent mismatch.
describe('SDK wire types', () => {
  it('are the contracts’ session shape, less the CSRF token the client keeps to itself', () => {
    expectTypeOf<sdk.SwitchboardSession>().toEqualTypeOf<Omit<contracts.SessionView, 'csrf_token'>>();
  });

  it('are the contracts’ product and app shapes', () => {
    expectTypeOf<sdk.RequestType>().toEqualTypeOf<contracts.RequestType>();
    expectTypeOf<sdk.HttpMethod>().toEqualTypeOf<contracts.HttpMethod>();
    expectTypeOf<sdk.ProductEnv>().toEqualTypeOf<contracts.ProductEnvView>();
    expectTypeOf<sdk.Product>().toEqualTypeOf<contracts.ProductView>();
    expectTypeOf<sdk.ProductEnvInput>().toEqualTypeOf<contracts.ProductEnvInput>();
    expectTypeOf<sdk.ProductInput>().toEqualTypeOf<contracts.EnsureProductBody>();
    expectTypeOf<sdk.ProductEnvChange>().toEqualTypeOf<contracts.ProductEnvChange>();
    expectTypeOf<sdk.UpdateProductInput>().toEqualTypeOf<contracts.UpdateProductBody>();
    expectTypeOf<sdk.AppEnv>().toEqualTypeOf<contracts.AppEnvView>();
    expectTypeOf<sdk.AppAction>().toEqualTypeOf<contracts.ActionView>();
    expectTypeOf<sdk.App>().toEqualTypeOf<contracts.AppView>();
    expectTypeOf<sdk.AppActionSummary>().toEqualTypeOf<contracts.ActionSummaryView>();
    expectTypeOf<sdk.AppListItem>().toEqualTypeOf<contracts.AppListItemView>();
    expectTypeOf<sdk.AppEnvInput>().toEqualTypeOf<contracts.AppEnvInput>();
    expectTypeOf<sdk.AppActionInput>().toEqualTypeOf<contracts.ActionInput>();
    expectTypeOf<sdk.CreateAppInput>().toEqualTypeOf<contracts.CreateAppBody>();
    expectTypeOf<sdk.AppAuthSchemeType>().toEqualTypeOf<contracts.AuthSchemeType>();
    expectTypeOf<sdk.AppAuthScheme>().toEqualTypeOf<contracts.AuthSchemeInput>();
    expectTypeOf<sdk.AppAuthSchemeView>().toEqualTypeOf<contracts.AuthSchemeView>();
    expectTypeOf<sdk.RateLimitPeriod>().toEqualTypeOf<contracts.RateLimitPeriod>();
    expectTypeOf<sdk.RateLimitInput>().toEqualTypeOf<contracts.RateLimitInput>();
    expectTypeOf<sdk.RateLimit>().toEqualTypeOf<contracts.RateLimitView>();
  });

  it('are the contracts’ connection shapes', () => {
    expectTypeOf<sdk.ConnectionVariable>().toEqualTypeOf<contracts.ConnectionVariableInput>();
    expectTypeOf<sdk.ConnectionAuth>().toEqualTypeOf<contracts.ConnectionAuthInput>();
    expectTypeOf<sdk.ConnectedAppEnv>().toEqualTypeOf<contracts.ConnectionEnvView>();
    expectTypeOf<sdk.ConnectedApp>().toEqualTypeOf<contracts.ConnectedAppView>();
    expectTypeOf<sdk.ConnectedAppEnvInput>().toEqualTypeOf<contracts.ConnectionEnvInput>();
    expectTypeOf<sdk.AddConnectedAppInput>().toEqualTypeOf<contracts.AddConnectionBody>();
    expectTypeOf<sdk.UpdateConnectedAppInput>().toEqualTypeOf<contracts.UpdateConnectionBody>();
  });

  it('are the contracts’ secret shapes', () => {
    expectTypeOf<sdk.CreateSecretInput>().toEqualTypeOf<contracts.CreateSecretBody>();
    expectTypeOf<sdk.UpdateSecretInput>().toEqualTypeOf<contracts.UpdateSecretBody>();
    expectTypeOf<sdk.Secret>().toEqualTypeOf<contracts.SecretView>();
    expectTypeOf<sdk.SecretWithValue>().toEqualTypeOf<contracts.SecretWithValueView>();
    expectTypeOf<sdk.SecretAuditEntry>().toEqualTypeOf<contracts.SecretAuditEntryView>();
    expectTypeOf<sdk.SecretAuditFilters>().toEqualTypeOf<contracts.SecretAuditQuery>();
  });

  it('are the contracts’ run shapes', () => {
    expectTypeOf<sdk.RunActionInput>().toEqualTypeOf<contracts.RunActionBody>();
    expectTypeOf<sdk.ActionRunResult>().toEqualTypeOf<contracts.ActionRunReply>();
    expectTypeOf<sdk.ActionDispatchResult>().toEqualTypeOf<contracts.ActionDispatchReply>();
    expectTypeOf<sdk.ActionPlan>().toEqualTypeOf<contracts.ActionPlanReply>();
    expectTypeOf<sdk.RunRecordStatus>().toEqualTypeOf<contracts.RunRecordStatus>();
    expectTypeOf<sdk.RunRecord>().toEqualTypeOf<contracts.RunRecordView>();
    expectTypeOf<sdk.RunRecordFilters>().toEqualTypeOf<contracts.RunRecordsQuery>();
  });

  it('differ from the contracts only where the SDK speaks another word', () => {
    // fetch() takes a method in any case; the SDK upper-cases it before the gateway checks it.
    expectTypeOf<Omit<sdk.IntegrationFetchInit, 'method'>>().toEqualTypeOf<Omit<contracts.IntegrationFetchBody, 'url' | 'method'>>();
    expectTypeOf<sdk.IntegrationFetchInit['method']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<sdk.IntegrationFetchReply>().toEqualTypeOf<contracts.IntegrationFetchReply>();
  });

  it('are the contracts’ webhook shapes', () => {
    expectTypeOf<sdk.WebhookScheme>().toEqualTypeOf<contracts.WebhookScheme>();
    expectTypeOf<sdk.CreateWebhookInput>().toEqualTypeOf<contracts.CreateWebhookBody>();
    expectTypeOf<sdk.UpdateWebhookInput>().toEqualTypeOf<contracts.UpdateWebhookBody>();
    expectTypeOf<sdk.WebhookHmacOptions>().toEqualTypeOf<contracts.WebhookHmacOptions>();
    expectTypeOf<sdk.WebhookHmac>().toEqualTypeOf<contracts.WebhookHmacView>();
    expectTypeOf<sdk.WebhookEnv>().toEqualTypeOf<contracts.WebhookEnv>();
    expectTypeOf<sdk.Webhook>().toEqualTypeOf<contracts.Webhook>();
  });
});
