import { Injectable } from '@nestjs/common';
import { Subjects, type ResolvedSecretsReply, type SecretView } from '@switchboard/contracts';
import { NatsRequester } from '@switchboard/platform';
import { PinoLogger } from 'nestjs-pino';
import type { SecretUseSite } from '../run-secrets.js';

/** Who the secret audit log names for a refresh token the executor stored on a token endpoint's behalf. */
export const OAUTH_REFRESH_ACTOR = 'system:oauth-refresh';

/** Where a rotated refresh token goes so that it outlives this process. */
export interface RefreshTokenStore {
  /** Stores `refreshToken` as the new version of the workspace secret `secretKey`; never throws. */
  save(workspaceId: string, secretKey: string, refreshToken: string): Promise<void>;
  /** The secret's value as stored now, read under the checks of `site`, past every cache. */
  current(workspaceId: string, secretKey: string, site: SecretUseSite): Promise<string>;
}

/**
 * Writes a refresh token the endpoint rotated back to the secret the connection references it by, as a new version
 * (audited as {@link OAUTH_REFRESH_ACTOR}), so that every replica and every restart refreshes with the live token
 * instead of one the endpoint has revoked. A failed write is logged and the token stays in this executor's memory.
 */
@Injectable()
export class SecretRefreshTokenStore implements RefreshTokenStore {
  // One write at a time per secret, in the order the tokens were issued: an older token stored last would be revoked.
  readonly #writes = new Map<string, Promise<void>>();

  constructor(
    private readonly nats: NatsRequester,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('oauth');
  }

  save(workspaceId: string, secretKey: string, refreshToken: string): Promise<void> {
    const chain = `${workspaceId}\u0000${secretKey}`;
    const write = (this.#writes.get(chain) ?? Promise.resolve()).then(() => this.#write(workspaceId, secretKey, refreshToken));
    this.#writes.set(chain, write);
    void write.then(() => {
      if (this.#writes.get(chain) === write) this.#writes.delete(chain);
    });
    return write;
  }

  async current(workspaceId: string, secretKey: string, site: SecretUseSite): Promise<string> {
    const reply = await this.nats.request<ResolvedSecretsReply>(Subjects.SecretsReferenceResolve, {
      workspace_id: workspaceId,
      keys: [secretKey],
      app_tag: site.appTag,
      access_tag: site.accessTag,
      env: site.env,
    });
    const secret = reply.secrets[secretKey];
    // The vault answers every key or refuses the request; a missing one is a broken reply, not a missing secret.
    if (!secret) throw new Error(`secrets.reference.resolve answered without ${secretKey}`);
    return secret.value;
  }

  async #write(workspaceId: string, secretKey: string, refreshToken: string): Promise<void> {
    try {
      const stored = await this.nats.request<SecretView>(Subjects.SecretsSecretRotate, {
        workspace_id: workspaceId,
        user_id: OAUTH_REFRESH_ACTOR,
        key: secretKey,
        rotation: { value: refreshToken },
      });
      this.logger.info({ workspace_id: workspaceId, key: secretKey, version: stored.version }, 'rotated OAuth2 refresh token stored');
    } catch (error) {
      this.logger.warn({ workspace_id: workspaceId, key: secretKey, err: error }, 'rotated OAuth2 refresh token could not be stored; kept in memory');
    }
  }
}
