import { Injectable } from '@nestjs/common';
import type { ResolvedIntegrationFetchSecretsReply, ResolveIntegrationFetchReferencesRequest } from '@switchboard/contracts';
import type { SecretUse } from '../secrets/secret-access.js';
import { SecretResolver } from '../secrets/secret-resolver.js';
import { IntegrationSecretsService } from './integration-secrets.service.js';

/** The app name `integrations.fetch` uses in scope checks, refusal messages and the audit log. */
export const INTEGRATION_FETCH_APP = 'integrations.fetch';

// Scopes hold tags, which have no dot, so no scoped secret ever lets this app in; `env: null` refuses env-limited ones.
const FETCH_USE: SecretUse = { appTag: INTEGRATION_FETCH_APP, accessTag: INTEGRATION_FETCH_APP, env: null };

/**
 * Resolves the references of an `integrations.fetch`: each key from the caller's own secrets when they have it,
 * otherwise from the workspace's secrets with the run-time checks (exists, not scoped, not env-limited, not
 * expired). One failure refuses the whole request. Workspace secret uses are audited; user secrets, which have no
 * audit trail of their own, are not.
 */
@Injectable()
export class IntegrationFetchSecretResolver {
  constructor(
    private readonly integrationSecrets: IntegrationSecretsService,
    private readonly workspaceSecrets: SecretResolver,
  ) {}

  async resolve(request: ResolveIntegrationFetchReferencesRequest): Promise<ResolvedIntegrationFetchSecretsReply> {
    const keys = [...new Set(request.keys)];
    const own = await this.integrationSecrets.readMany({ workspaceId: request.workspace_id, ownerType: 'user', owner: request.user_id }, keys);
    const fromWorkspace = await this.workspaceSecrets.resolveForUse(
      request.workspace_id,
      keys.filter((key) => !own.has(key)),
      FETCH_USE,
      { app: INTEGRATION_FETCH_APP, userId: request.user_id },
    );
    // fromEntries defines own properties, so even a key spelled `__proto__` comes through as data.
    const secrets = keys.flatMap((key) => {
      const value = own.get(key) ?? fromWorkspace.get(key)?.value;
      return value === undefined ? [] : [[key, value] as const];
    });
    return { secrets: Object.fromEntries(secrets) };
  }
}
