import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Subjects, type ActionRunReply, type ResolvedSecretsReply, type RunActionBody } from '@switchboard/contracts';
import { NatsRequester } from '@switchboard/platform';
import { referencedKeys, substituteDeep } from '@switchboard/placeholders';
import { OutboundClient } from '../outbound/outbound-client.js';
import { buildOutboundRequest } from './outbound-request.builder.js';
import { decodeResponseBody } from './response-body.js';
import { RunTargetLoader } from './run-target.loader.js';

/**
 * Runs one action: resolves where it goes, resolves the secrets its input references (the secrets
 * service applies scope, env and expiry, and a refusal means no outbound call), substitutes them,
 * sends the request and hands back the upstream's answer, whatever its status.
 */
@Injectable()
export class ActionRunner {
  constructor(
    private readonly targets: RunTargetLoader,
    private readonly nats: NatsRequester,
    private readonly outbound: OutboundClient,
  ) {}

  async run(workspaceId: string, run: RunActionBody): Promise<ActionRunReply> {
    const started = performance.now();
    const runId = `run_${randomUUID()}`;
    const target = await this.targets.load(workspaceId, run);
    // The validated input is a class instance; reference scanning and substitution walk plain JSON only.
    const input = structuredClone({ ...(run.input ?? {}) });
    const keys = referencedKeys(input);
    const resolved = keys.length === 0
      ? { secrets: {} }
      : await this.nats.request<ResolvedSecretsReply>(Subjects.SecretsReferenceResolve, {
          workspace_id: workspaceId,
          keys,
          app_tag: target.appTag,
          access_tag: target.accessTag,
          env: target.env,
          run_id: runId,
        });
    const values = new Map(Object.entries(resolved.secrets).map(([key, secret]) => [key, secret.value]));
    const request = buildOutboundRequest(target, substituteDeep(input, values));
    const resolvedAt = performance.now();
    const response = await this.outbound.send(request);
    return {
      run_id: runId,
      status: response.status,
      headers: response.headers,
      body: decodeResponseBody(response.body, response.headers['content-type']),
      timings: {
        resolve_ms: round(resolvedAt - started),
        upstream_ms: round(response.upstreamMs),
        total_ms: round(performance.now() - started),
      },
    };
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
