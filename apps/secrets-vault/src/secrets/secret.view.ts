import type { SecretView } from '@switchboard/contracts';
import type { SecretEntity } from './secret.entity.js';

/** A secret's metadata as every reply but `secrets.fetch` shows it: no value. */
export function toSecretView(secret: SecretEntity): SecretView {
  return {
    key: secret.key,
    description: secret.description,
    scope: secret.scope,
    envs: secret.envs,
    expires_at: secret.expiresAt?.toISOString() ?? null,
    version: secret.currentVersion,
    last_used_at: secret.lastUsedAt?.toISOString() ?? null,
    created_at: secret.createdAt.toISOString(),
    updated_at: secret.updatedAt.toISOString(),
  };
}
