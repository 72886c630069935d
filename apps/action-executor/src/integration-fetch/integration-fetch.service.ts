import { Injectable } from '@nestjs/common';
import { Subjects, type IntegrationFetchBody, type IntegrationFetchReply, type ResolvedIntegrationFetchSecretsReply } from '@switchboard/contracts';
import { DomainError, NatsRequester } from '@switchboard/platform';
import { redact, redactDeep, substituteDeep, type SecretValues } from '@switchboard/placeholders';
import { OutboundClient } from '../outbound/outbound-client.js';
import { referencedKeysOf } from '../references/referenced-keys.js';
import { buildFetchOutboundRequest, fetchMethodOf } from './outbound-request.builder.js';

/**
 * `integrations.fetch`: substitutes the caller's secrets into a request and sends it through the same outbound
 * client as action runs (address policy, pinning, time and size limits), handing back the upstream's answer
 * as raw bytes whatever its status. A secret that cannot be resolved means no outbound call.
 */
@Injectable()
export class IntegrationFetchService {
  constructor(
    private readonly nats: NatsRequester,
    private readonly outbound: OutboundClient,
  ) {}

  async fetch(workspaceId: string, userId: string, input: IntegrationFetchBody): Promise<IntegrationFetchReply> {
    // The validated input is a class instance; reference scanning and substitution walk plain JSON only.
    const fetch: IntegrationFetchBody = structuredClone({ url: input.url, method: input.method, headers: input.headers, body: input.body });
    const method = fetchMethodOf(fetch);
    const keys = referencedKeysOf('body', fetch.url, fetch.headers, fetch.body);
    const { secrets } =
      keys.length === 0
        ? { secrets: {} }
        : await this.nats.request<ResolvedIntegrationFetchSecretsReply>(Subjects.SecretsIntegrationFetchReferenceResolve, {
            workspace_id: workspaceId,
            user_id: userId,
            keys,
          });
    const request = buildFetchOutboundRequest(withSecrets(fetch, secrets), method);
    try {
      const response = await this.outbound.send(request);
      return { status: response.status, headers: response.headers, body_base64: Buffer.from(response.body).toString('base64') };
    } catch (error) {
      throw withoutSecretValues(error, secrets);
    }
  }
}

function withSecrets(fetch: IntegrationFetchBody, secrets: SecretValues): IntegrationFetchBody {
  return { ...fetch, url: substituteDeep(fetch.url, secrets), headers: substituteDeep(fetch.headers, secrets), body: substituteDeep(fetch.body, secrets) };
}

// Outbound errors name the origin (and a refused address names the host), which a secret may have supplied.
function withoutSecretValues(error: unknown, secrets: SecretValues): unknown {
  if (!(error instanceof DomainError)) return error;
  return new DomainError(error.code, redact(error.message, secrets), redactDeep(error.details, secrets));
}
