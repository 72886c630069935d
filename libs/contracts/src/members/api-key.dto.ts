import type { MemberView } from './member.dto.js';
import { IsString, Length, Matches } from 'class-validator';
import { IsInstant } from '../common/instant.js';
import { IsOmittable } from '../common/validators.js';

/** Body of `POST /v1/members/:member/keys`. */
export class CreateApiKeyBody {
  @Matches(/^[^\p{Cc}]+$/u, { message: '$property must not contain control characters' })
  @Length(1, 200)
  @IsString()
  name!: string;

  /** When the key stops working; absent: never. */
  @IsOmittable()
  @IsInstant()
  expires_at?: string;
}

/** An API key without its secret part: what every call but creating and rotating returns. */
export interface ApiKeyView {
  key_id: string;
  user_id: string;
  name: string;
  expires_at: string | null;
  /** To the minute: a use within a minute of the one recorded leaves it. */
  last_used_at: string | null;
  created_at: string;
  rotated_at: string | null;
}

/** A key as it is created or rotated: `private_key` is shown this once, only its hash is kept. */
export interface IssuedApiKeyView extends ApiKeyView {
  private_key: string;
}

/** `POST /v1/members`: the member and the first key they call the gateway with. */
export interface CreatedMemberView extends MemberView {
  workspace_id: string;
  key: IssuedApiKeyView;
}
