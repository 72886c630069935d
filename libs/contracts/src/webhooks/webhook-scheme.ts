/** How a webhook's sender signs what it sends; each names the vendor's published algorithm, `hmac` a configurable one. */
export const WEBHOOK_SCHEMES = ['stripe', 'github', 'twilio', 'shopify', 'standard', 'hmac'] as const;
export type WebhookScheme = (typeof WEBHOOK_SCHEMES)[number];

/**
 * The scheme of a webhook created without one (seed 002's sample names none): Standard Webhooks, the scheme Svix and
 * many vendors sign with, and the one Switchboard itself forwards with.
 */
export const WEBHOOK_DEFAULT_SCHEME: WebhookScheme = 'standard';

/** A receive id: `whk_` and 24 base62 characters from a cryptographic random source, one per webhook and env. */
export const WEBHOOK_RECEIVE_ID_PATTERN = /^whk_[0-9A-Za-z]{24}$/;

/** How far a signed timestamp may be from now, in seconds, unless the webhook says otherwise. */
export const WEBHOOK_DEFAULT_TOLERANCE_SECONDS = 300;
/** Longest tolerance a webhook may set: a day. */
export const WEBHOOK_MAX_TOLERANCE_SECONDS = 86_400;
