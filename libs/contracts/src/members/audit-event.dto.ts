import { IsString, Max, Min, Matches } from 'class-validator';
import { IsQueryInteger } from '../common/query-integer.js';
import { IsOmittable } from '../common/validators.js';

export const AUDIT_LIST_DEFAULT_LIMIT = 50;
export const AUDIT_LIST_MAX_LIMIT = 200;

/** Query of `GET /v1/audit-events`: newest first, a page at a time. */
export class AuditEventsQuery {
  @IsOmittable()
  @Min(1)
  @Max(AUDIT_LIST_MAX_LIMIT)
  @IsQueryInteger()
  limit?: number;

  /** Only events older than this one: the `event_id` of the last event of the previous page. */
  @IsOmittable()
  @Matches(/^aud_\d{1,19}$/, { message: '$property must be an event_id (aud_<digits>) from the previous page' })
  @IsString()
  before?: string;
}

/** One administrative change: who made it, with which credential, from where, to what. Never a value or a key. */
export interface AuditEventView {
  event_id: string;
  at: string;
  user_id: string;
  /** The API key the call was made with, or `null` when a workbench session made it. */
  key_id: string | null;
  /** The caller's address as the gateway saw it (behind a proxy: as GATEWAY_TRUST_PROXY lets it read). */
  ip: string;
  /** `METHOD /route/{param}`, as the API reference names the call. */
  operation: string;
  /** The path the call named, with its parameters filled in. */
  path: string;
  /** What the call created or changed, when its reply names it (an app's tag, a secret's key, a member's id…). */
  resource: string | null;
  status: number;
}
