import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

// Generous bounds over the real lengths (ids of 19 and 20 characters, keys of 47), so only nonsense is refused.
const CREDENTIAL_MAX_LENGTH = 200;

/** Body of `POST /v1/sessions`: the three credentials, given once, exchanged for a session cookie. */
export class CreateSessionBody {
  @MaxLength(CREDENTIAL_MAX_LENGTH)
  @IsNotEmpty()
  @IsString()
  workspace_id!: string;

  @MaxLength(CREDENTIAL_MAX_LENGTH)
  @IsNotEmpty()
  @IsString()
  user_id!: string;

  @MaxLength(CREDENTIAL_MAX_LENGTH)
  @IsNotEmpty()
  @IsString()
  private_key!: string;
}

/**
 * A live sign-in session, as `POST /v1/sessions` and `GET /v1/sessions/current` answer it. The session itself travels
 * only in its HttpOnly cookie; `csrf_token` goes back in `x-switchboard-csrf` on every state-changing call.
 */
export interface SessionView {
  workspace_id: string;
  user_id: string;
  /** ISO 8601; the cookie is refused from then on. */
  expires_at: string;
  csrf_token: string;
}

/** The cookie carrying a session's opaque token. */
export const SESSION_COOKIE = 'switchboard_session';

/** The header a session's state-changing calls carry its CSRF token in. */
export const CSRF_HEADER = 'x-switchboard-csrf';
