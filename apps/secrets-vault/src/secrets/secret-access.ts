import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import type { SecretEntity } from './secret.entity.js';

/** Where a secret is about to be used: which app (by app tag and access tag) in which env. */
export interface SecretUse {
  appTag: string;
  accessTag: string;
  /** `null` for a use outside any env (`integrations.fetch`): only secrets open to every env pass. */
  env: string | null;
}

/**
 * The run-time checks of the seeds, in their order after "exists": scope includes the app,
 * the env is allowed, not expired. Throws the seed's exact message for the first that fails.
 */
export function assertSecretUsable(secret: SecretEntity, use: SecretUse, now: Date): void {
  if (secret.scope.length > 0 && !secret.scope.includes(use.appTag) && !secret.scope.includes(use.accessTag)) {
    throw new DomainError(ErrorCode.SecretNotInScope, `Secret '${secret.key}' is not accessible by app '${use.accessTag}'`, {
      key: secret.key,
      app: use.accessTag,
    });
  }
  if (secret.envs.length > 0 && use.env === null) {
    throw new DomainError(ErrorCode.SecretNotInEnv, `Secret '${secret.key}' is not available outside its environments (${secret.envs.join(', ')})`, {
      key: secret.key,
      env: null,
    });
  }
  if (secret.envs.length > 0 && use.env !== null && !secret.envs.includes(use.env)) {
    throw new DomainError(ErrorCode.SecretNotInEnv, `Secret '${secret.key}' is not available in environment '${use.env}'`, {
      key: secret.key,
      env: use.env,
    });
  }
  if (secret.expiresAt !== null && secret.expiresAt.getTime() <= now.getTime()) {
    throw new DomainError(ErrorCode.SecretExpired, `Secret '${secret.key}' has expired`, { key: secret.key, expires_at: secret.expiresAt.toISOString() });
  }
}

/** The seed's message for a reference to a key the workspace has no secret for. */
export function secretNotFound(key: string): DomainError {
  return new DomainError(ErrorCode.SecretNotFound, `Secret '${key}' not found`, { key });
}
