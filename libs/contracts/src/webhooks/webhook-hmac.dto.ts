import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { IsHeaderName, IsOmittable } from '../common/validators.js';

export const WEBHOOK_HMAC_ALGORITHMS = ['sha256', 'sha512'] as const;
export type WebhookHmacAlgorithm = (typeof WEBHOOK_HMAC_ALGORITHMS)[number];

export const WEBHOOK_HMAC_ENCODINGS = ['hex', 'base64'] as const;
export type WebhookHmacEncoding = (typeof WEBHOOK_HMAC_ENCODINGS)[number];

/** What a generic HMAC signs unless told otherwise: the raw body alone. */
export const WEBHOOK_DEFAULT_SIGNED_CONTENT = '{body}';

/** A signed-content template: any text, whose `{…}` placeholders are only `{body}`, `{timestamp}` and `{url}`. */
const SIGNED_CONTENT_TEMPLATE = /^(?:[^{}]|\{(?:body|timestamp|url)\})*$/;

/** How a webhook of scheme `hmac` is signed: the sender's HMAC over a template of the request, in one header. */
export class WebhookHmacOptions {
  @IsIn(WEBHOOK_HMAC_ALGORITHMS, { message: `$property must be one of ${WEBHOOK_HMAC_ALGORITHMS.join(', ')}` })
  algorithm!: WebhookHmacAlgorithm;

  @IsIn(WEBHOOK_HMAC_ENCODINGS, { message: `$property must be one of ${WEBHOOK_HMAC_ENCODINGS.join(', ')}` })
  encoding!: WebhookHmacEncoding;

  /** The header carrying the signature, e.g. `X-Signature`. */
  @IsHeaderName()
  header!: string;

  /** Text before the signature in its header, e.g. `sha256=`. */
  @IsOmittable()
  @MaxLength(64)
  @IsString()
  prefix?: string;

  /** What is signed, over `{body}`, `{timestamp}` and `{url}`; `{body}` unless given. */
  @IsOmittable()
  @Matches(SIGNED_CONTENT_TEMPLATE, { message: '$property may only use the placeholders {body}, {timestamp} and {url}' })
  @MaxLength(256)
  @IsString()
  signed_content?: string;

  /** The header carrying the Unix timestamp `{timestamp}` reads and the tolerance checks. */
  @IsOmittable()
  @IsHeaderName()
  timestamp_header?: string;

  /** The header carrying the sender's event id, for replay protection. */
  @IsOmittable()
  @IsHeaderName()
  event_id_header?: string;
}

/** A generic HMAC's options as stored: defaults filled in, absent headers `null`. */
export interface WebhookHmacView {
  algorithm: WebhookHmacAlgorithm;
  encoding: WebhookHmacEncoding;
  header: string;
  prefix: string;
  signed_content: string;
  timestamp_header: string | null;
  event_id_header: string | null;
}
