/** Header values as Node and the gateway hand them over: a name may repeat (an array) or be absent. */
export type WebhookHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Why a request was refused. `signature_missing` and `signature_invalid` get the same answer to the sender. */
export type VerificationFailureReason = 'signature_missing' | 'signature_invalid' | 'timestamp_stale';

/** A generic HMAC's settings; the contracts' WebhookHmacOptions (optional fields) and WebhookHmacView (nulls) both fit. */
export interface HmacSchemeOptions {
  algorithm: 'sha256' | 'sha512';
  encoding: 'hex' | 'base64';
  /** The header carrying the signature. */
  header: string;
  /** Text before the signature in its header, e.g. `sha256=`. */
  prefix?: string | null;
  /** What is signed, a template over `{body}`, `{timestamp}` and `{url}`; `{body}` when absent. */
  signed_content?: string | null;
  /** The header carrying the Unix timestamp (seconds) that `{timestamp}` reads and the tolerance checks. */
  timestamp_header?: string | null;
  /** The header carrying the sender's event id. */
  event_id_header?: string | null;
}

/** One received request and what to check it against. */
export interface WebhookVerificationInput {
  /** The signing secret's value (already resolved from its reference). */
  secret: string;
  /** The exact bytes received: every scheme signs these, never a re-serialisation. */
  body: Buffer;
  headers: WebhookHeaders;
  /** The full URL as the sender saw it, query string included (Twilio and `{url}` sign it). */
  url: string;
  /** How far a signed timestamp may be from `now`, either way. */
  toleranceSeconds: number;
  now: Date;
  /** Required by scheme `hmac`, ignored by the others. */
  hmac?: HmacSchemeOptions | null;
}

/**
 * The outcome. `eventId` and `timestamp` (Unix seconds) are given when the scheme carries them; `detail` says
 * what failed for the event record and logs, never for the sender (it would help an attacker).
 */
export type WebhookVerification =
  | { ok: true; eventId?: string; timestamp?: number }
  | { ok: false; reason: VerificationFailureReason; detail: string };

/** One scheme's check. */
export type SchemeVerifier = (input: WebhookVerificationInput) => WebhookVerification;

export const refused = (reason: VerificationFailureReason, detail: string): WebhookVerification => ({
  ok: false,
  reason,
  detail,
});
