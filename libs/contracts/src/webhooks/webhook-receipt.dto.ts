import { IsBase64, IsString, MaxLength } from 'class-validator';
import { IsHeaderRecord, IsHttpUrl } from '../common/validators.js';

/**
 * `executor.webhook.receive`: one request a sender made to `POST /hooks/:receive_id`, exactly as it arrived. The
 * executor answers only once the event is stored (or refused and recorded), so a 2xx to the sender means stored.
 */
export class WebhookReceiptRequest {
  @MaxLength(128)
  @IsString()
  receive_id!: string;

  /** The URL as the sender saw it (the gateway's public base when set, for schemes that sign the URL). */
  @IsHttpUrl()
  url!: string;

  /** Lower-case names; repeated headers joined with ", ". */
  @IsHeaderRecord()
  headers!: Record<string, string>;

  /** The raw body, byte for byte: signatures are computed over it. */
  @IsBase64()
  @IsString()
  body_base64!: string;
}

/** Reply of `executor.webhook.receive` (HTTP 200 to the sender). */
export interface WebhookReceiptReply {
  /** The stored event, `wev_` and a UUID. */
  event_id: string;
  /** The sender's event id was already accepted within the replay window: acknowledged, not delivered again. */
  duplicate: boolean;
}

/** The one answer to a receive id that names no webhook, whether or not it ever did. */
export const WEBHOOK_RECEIVE_NOT_FOUND_MESSAGE = 'No webhook receives at this URL';
