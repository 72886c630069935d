import { Injectable } from '@nestjs/common';
import { Subjects, type ActionPlanCheck, type ActionPlanReply, type RunActionBody, type SecretReferenceChecksReply } from '@switchboard/contracts';
import { DomainError, NatsRequester } from '@switchboard/platform';
import { OutboundClient } from '../outbound/outbound-client.js';
import { planAuth } from './auth-plan.js';
import { referencedKeysOf } from '../references/referenced-keys.js';
import { withVariables } from './input-references.js';
import { buildOutboundRequest } from './outbound-request.builder.js';
import { RunTargetLoader } from './run-target.loader.js';

/**
 * What a run would do, without doing it: the request it would send with references left as written,
 * and each check it would pass or fail (connection, env and action; variables; every secret; every auth entry and an
 * OAuth2 scheme's token endpoint; encoding; destination).
 * No value is read, no use audited, no call made.
 */
@Injectable()
export class ActionPlanner {
  constructor(
    private readonly targets: RunTargetLoader,
    private readonly nats: NatsRequester,
    private readonly outbound: OutboundClient,
  ) {}

  async plan(workspaceId: string, run: RunActionBody): Promise<ActionPlanReply> {
    const checks: ActionPlanCheck[] = [];
    const written = structuredClone({ ...(run.input ?? {}) });
    const target = await attempt(checks, 'connection, env and action', () => this.targets.load(workspaceId, run));
    if (!target) return { would_run: false, request: null, checks };
    const substituted = await attempt(checks, 'variables', () =>
      Promise.resolve({ input: withVariables(written, target), credentials: withVariables(target.auth.map((entry) => entry.data), target) }),
    );
    if (!substituted) return { would_run: false, request: null, checks };
    const { input, credentials } = substituted;
    const { checkInput } = target;
    if (checkInput) await attempt(checks, 'input schema', () => Promise.resolve(checkInput(input)));

    const keys = referencedKeysOf('input', input, credentials);
    if (keys.length > 0) {
      const reply = await this.nats.request<SecretReferenceChecksReply>(Subjects.SecretsReferenceCheck, {
        workspace_id: workspaceId,
        keys,
        app_tag: target.appTag,
        access_tag: target.accessTag,
        env: target.env,
      });
      checks.push(...reply.checks.map(({ key, ...result }) => ({ check: `secret ${key}`, ...result })));
    }
    for (const [index, { scheme }] of target.auth.entries()) {
      const data = credentials[index] ?? {};
      const planned = await attempt(checks, `auth ${scheme.tag}`, () => Promise.resolve(planAuth(scheme, data)), (result) => result.description);
      const tokenUrl = planned?.grant?.tokenUrl;
      if (tokenUrl) await attempt(checks, `auth ${scheme.tag} token endpoint`, () => this.outbound.assertDestinationAllowed(tokenUrl));
    }
    const request = await attempt(checks, 'request encoding', () => Promise.resolve(buildOutboundRequest(target, input)));
    if (!request) return { would_run: false, request: null, checks };
    await attempt(checks, 'outbound destination', () => this.outbound.assertDestinationAllowed(request.url));
    return {
      would_run: checks.every((check) => check.ok),
      request: { method: request.method, url: request.url.href, headers: request.headers, body: input.body ?? null },
      checks,
    };
  }
}

// A failed check is part of the answer, not an error: the caller asked what would go wrong.
async function attempt<T>(checks: ActionPlanCheck[], check: string, work: () => Promise<T>, describe?: (result: T) => string): Promise<T | undefined> {
  try {
    const result = await work();
    checks.push(describe === undefined ? { check, ok: true } : { check, ok: true, message: describe(result) });
    return result;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    checks.push({ check, ok: false, code: error.code, message: error.message });
    return undefined;
  }
}
