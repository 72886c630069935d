export { startVaultForTests } from './start-vault-for-tests.js';
export { startVaultKv2StandIn, type VaultKv2StandInOptions } from './vault-kv2-stand-in.js';
export type { VaultForTests } from './vault-for-tests.js';
export type { RecordedRequest } from './recorded-request.js';
export { startFakeThirdPartyApi, type FakeReply, type FakeRoute, type FakeThirdPartyApi, type ReceivedRequest } from './fake-third-party-api.js';
export { startFakeStripe } from './fake-stripe.js';
export { FAKE_SENDGRID_PROFILE, startFakeSendGrid, type FakeSendGrid } from './fake-sendgrid.js';
export { nestedJson, startFakeTwilio, type FakeTwilio, type FakeTwilioAccount, type FakeTwilioMode } from './fake-twilio.js';
export {
  genericHmacWebhook,
  githubWebhook,
  shopifyWebhook,
  standardWebhook,
  stripeWebhook,
  twilioWebhook,
  type GenericHmacSettings,
  type SignedWebhook,
} from './webhook-senders.js';
export { signedWith, startProductEndpoint, type ForwardedEvent, type ProductEndpoint } from './product-endpoint.js';
export { startOtlpCollector, type CollectedSpan, type OtlpCollector } from './otlp-collector.js';
