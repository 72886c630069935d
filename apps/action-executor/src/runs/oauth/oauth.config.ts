import { IsInt, Max, Min } from 'class-validator';

/** Settings of OAuth2 token requests, each with a default for local use. */
export class OAuthConfig {
  /** How long a token endpoint may take to answer; a run waits for its token, so this is shorter than a run's limit. */
  @IsInt()
  @Min(1)
  @Max(120_000)
  OAUTH_TOKEN_TIMEOUT_MS: number = 10_000;
}
