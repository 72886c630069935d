import type { CreateWebhookInput, UpdateWebhookInput, Webhook, WebhookHmacOptions, WebhookScheme } from '@switchboard/sdk';

/** A generic HMAC's options as the form holds them: empty text for what is not given. */
export interface HmacDraft {
  algorithm: WebhookHmacOptions['algorithm'];
  encoding: WebhookHmacOptions['encoding'];
  header: string;
  prefix: string;
  signedContent: string;
  timestampHeader: string;
  eventIdHeader: string;
}

/** What the create and edit forms hold; `app` and `forwardUrl` empty mean none. */
export interface WebhookDraft {
  name: string;
  tag: string;
  /** Whether the user typed the tag: until then it follows the name. */
  tagEdited: boolean;
  scheme: WebhookScheme;
  signingSecret: string;
  app: string | null;
  envs: string[];
  forwardUrl: string;
  hmac: HmacDraft;
}

/** The form's fields, named by the API's field names in its errors (`hmac.header` → `hmac.header`). */
export type WebhookField =
  | 'name'
  | 'tag'
  | 'scheme'
  | 'signing_secret'
  | 'app'
  | 'envs'
  | 'forward_url'
  | 'hmac'
  | 'hmac.algorithm'
  | 'hmac.encoding'
  | 'hmac.header'
  | 'hmac.prefix'
  | 'hmac.signed_content'
  | 'hmac.timestamp_header'
  | 'hmac.event_id_header';

export const WEBHOOK_FIELDS_BY_API_NAME: Record<string, WebhookField> = Object.fromEntries(
  (
    [
      'name',
      'tag',
      'scheme',
      'signing_secret',
      'app',
      'envs',
      'forward_url',
      'hmac',
      'hmac.algorithm',
      'hmac.encoding',
      'hmac.header',
      'hmac.prefix',
      'hmac.signed_content',
      'hmac.timestamp_header',
      'hmac.event_id_header',
    ] as const
  ).map((field) => [field, field]),
);

/** A tag derived from a name as seed 002 writes them: "GitHub Webhook" → `github_webhook`. */
export function tagOfName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64);
}

/** A new webhook's draft: the Standard Webhooks scheme (the API's default), every env of the product. */
export function newWebhookDraft(productEnvs: readonly string[]): WebhookDraft {
  return {
    name: '',
    tag: '',
    tagEdited: false,
    scheme: 'standard',
    signingSecret: '',
    app: null,
    envs: [...productEnvs],
    forwardUrl: '',
    hmac: { algorithm: 'sha256', encoding: 'hex', header: '', prefix: '', signedContent: '', timestampHeader: '', eventIdHeader: '' },
  };
}

/** A stored webhook's draft, for its edit form. */
export function webhookDraftOf(webhook: Webhook): WebhookDraft {
  const { hmac } = webhook;
  return {
    name: webhook.name,
    tag: webhook.tag,
    tagEdited: true,
    scheme: webhook.scheme,
    signingSecret: webhook.signing_secret,
    app: webhook.app,
    envs: webhook.envs.map((env) => env.env),
    forwardUrl: webhook.forward_url ?? '',
    hmac:
      hmac === null
        ? newWebhookDraft([]).hmac
        : {
            algorithm: hmac.algorithm,
            encoding: hmac.encoding,
            header: hmac.header,
            prefix: hmac.prefix,
            signedContent: hmac.signed_content,
            timestampHeader: hmac.timestamp_header ?? '',
            eventIdHeader: hmac.event_id_header ?? '',
          },
  };
}

function hmacOptionsOf(draft: HmacDraft): WebhookHmacOptions {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return {
    algorithm: draft.algorithm,
    encoding: draft.encoding,
    header: draft.header.trim(),
    // A prefix may end in a space ("sha256 "), so it is sent as typed.
    ...(draft.prefix === '' ? {} : { prefix: draft.prefix }),
    ...(draft.signedContent === '' ? {} : { signed_content: draft.signedContent }),
    ...(optional(draft.timestampHeader) === undefined ? {} : { timestamp_header: optional(draft.timestampHeader) }),
    ...(optional(draft.eventIdHeader) === undefined ? {} : { event_id_header: optional(draft.eventIdHeader) }),
  };
}

/** The body of `product.webhooks.create`: what is empty is left out, so the API's defaults apply. */
export function createInputOf(draft: WebhookDraft): CreateWebhookInput {
  const forwardUrl = draft.forwardUrl.trim();
  return {
    name: draft.name.trim(),
    tag: draft.tag.trim(),
    scheme: draft.scheme,
    signing_secret: draft.signingSecret.trim(),
    envs: draft.envs,
    ...(draft.app === null ? {} : { app: draft.app }),
    ...(forwardUrl === '' ? {} : { forward_url: forwardUrl }),
    ...(draft.scheme === 'hmac' ? { hmac: hmacOptionsOf(draft.hmac) } : {}),
  };
}

/** The changes of `product.webhooks.update`: every field of the form, `null` removing the app or forward URL. */
export function updateInputOf(draft: WebhookDraft): UpdateWebhookInput {
  const forwardUrl = draft.forwardUrl.trim();
  return {
    name: draft.name.trim(),
    scheme: draft.scheme,
    signing_secret: draft.signingSecret.trim(),
    envs: draft.envs,
    app: draft.app,
    forward_url: forwardUrl === '' ? null : forwardUrl,
    ...(draft.scheme === 'hmac' ? { hmac: hmacOptionsOf(draft.hmac) } : {}),
  };
}
