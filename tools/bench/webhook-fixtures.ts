// What the webhook rows need in the platform, created through the gateway's REST API like a product would: a
// signing secret in the workspace, and two GitHub-scheme webhooks of the bench product referring to it with
// `$Token{}`: one without forward URL (the product pulls its events), one forwarding to the bench's own endpoint.
import { randomBytes } from 'node:crypto';
import type { CreateWebhookBody, Webhook, WebhookForwardingSecretView } from '@switchboard/contracts';
import { call, PRODUCT } from './bench-fixtures.js';
import type { BenchPlatform } from './bench-platform.js';

const SIGNING_SECRET_KEY = 'BENCH_GITHUB_WEBHOOK_SECRET';
export const PULLED_WEBHOOK = 'bench_pulled';
export const FORWARDED_WEBHOOK = 'bench_forwarded';

export interface BenchWebhook {
  tag: string;
  /** Its receive URL in the product's first env: `<gateway>/hooks/whk_…`. */
  receiveUrl: string;
}

export interface WebhookFixtures {
  /** The value behind `$Token{BENCH_GITHUB_WEBHOOK_SECRET}`: what the sender signs with. */
  signingSecret: string;
  pulled: BenchWebhook;
  forwarded: BenchWebhook & { forwardingSecret: string };
}

export async function createWebhookFixtures(platform: BenchPlatform, forwardUrl: string): Promise<WebhookFixtures> {
  const signingSecret = randomBytes(20).toString('hex');
  await call(platform.gatewayUrl, platform.credentials, 'POST', '/v1/secrets', { key: SIGNING_SECRET_KEY, value: signingSecret });
  const create = async (body: CreateWebhookBody): Promise<BenchWebhook> => {
    const created = (await call(platform.gatewayUrl, platform.credentials, 'POST', `/v1/products/${PRODUCT}/webhooks`, body)) as Webhook;
    const [env] = created.envs;
    if (env === undefined) throw new Error(`webhook ${body.tag} receives in no env`);
    return { tag: body.tag, receiveUrl: env.receive_url };
  };
  const base = { scheme: 'github', signing_secret: `$Token{${SIGNING_SECRET_KEY}}` } as const;
  const pulled = await create({ ...base, name: 'Bench, pulled', tag: PULLED_WEBHOOK });
  const forwarded = await create({ ...base, name: 'Bench, forwarded', tag: FORWARDED_WEBHOOK, forward_url: forwardUrl });
  const { secret } = (await call(
    platform.gatewayUrl,
    platform.credentials,
    'GET',
    `/v1/products/${PRODUCT}/webhooks/${FORWARDED_WEBHOOK}/forwarding-secret`,
  )) as WebhookForwardingSecretView;
  return { signingSecret, pulled, forwarded: { ...forwarded, forwardingSecret: secret } };
}
