import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import type { ActionRunReply, RunActionBody } from '@switchboard/contracts';
import { assertReplyFits, NATS_CONNECTION } from '@switchboard/platform';
import { substituteDeep } from '@switchboard/placeholders';
import { OutboundClient } from '../outbound/outbound-client.js';
import type { SendHooks } from '../outbound/outbound-request.js';
import { ConnectionRateLimiter } from '../rate-limits/connection-rate-limiter.js';
import { RunMetrics } from '../run-records/run-metrics.js';
import { RunRecordWriter } from '../run-records/run-record-writer.js';
import type { FinishedRun } from '../run-records/finished-run.js';
import { RunTrace } from '../run-records/run-trace.js';
import { ConnectionConcurrency } from './connection-concurrency.js';
import { referencedKeysOf } from '../references/referenced-keys.js';
import { withVariables } from './input-references.js';
import { buildOutboundRequest } from './outbound-request.builder.js';
import { decodeResponseBody } from './response-body.js';
import { RunAuthentication } from './run-authentication.js';
import { RunSecrets } from './run-secrets.js';
import { planKeyOf, RunTargetLoader } from './run-target.loader.js';

/**
 * Runs one action: resolves where it goes, resolves the secrets its input references (the secrets
 * service applies scope, env and expiry, and a refusal means no outbound call), substitutes them,
 * authenticates (obtaining OAuth2 access tokens first), waits for its turn under the connection's rate limit,
 * sends the request and hands back the upstream's answer, whatever its status.
 */
@Injectable()
export class ActionRunner {
  constructor(
    private readonly targets: RunTargetLoader,
    private readonly secrets: RunSecrets,
    private readonly outbound: OutboundClient,
    private readonly concurrency: ConnectionConcurrency,
    private readonly records: RunRecordWriter,
    private readonly authentication: RunAuthentication,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    private readonly metrics: RunMetrics,
    private readonly rateLimits: ConnectionRateLimiter,
  ) {}

  /** `sentAtEpochMs`: when the gateway sent the run, for the record's queue time. */
  async run(workspaceId: string, run: RunActionBody, sentAtEpochMs?: number): Promise<ActionRunReply> {
    const trace = new RunTrace(workspaceId, run, sentAtEpochMs);
    try {
      const reply = await this.execute(trace);
      this.#finished(trace.finished());
      return reply;
    } catch (error) {
      this.#finished(trace.finished(error));
      throw error;
    }
  }

  #finished(finished: FinishedRun): void {
    this.metrics.observe('sync', finished);
    // Queued, never awaited: the record is written after the reply, in a batch.
    this.records.record(finished);
  }

  /**
   * Runs one attempt followed by `trace`, recording nothing: the caller records `trace.finished(...)` itself, as a
   * dispatched run does synchronously, before it acknowledges its message.
   */
  async execute(trace: RunTrace): Promise<ActionRunReply> {
    const { workspaceId, run, runId } = trace;
    const started = performance.now();
    // The validated input is a class instance; reference scanning and substitution walk plain JSON only.
    const written = structuredClone({ ...(run.input ?? {}) });
    trace.inputRead(written);
    const planKey = planKeyOf(run);
    // Cold: the secrets this plan resolved last are asked for while the plan loads, not after it.
    if (!this.targets.isWarm(workspaceId, run)) this.secrets.prefetch(workspaceId, planKey, runId);
    const target = await this.targets.load(workspaceId, run);
    trace.targetFound(target);
    const input = withVariables(written, target);
    // After variables (their values are part of the input sent), before secrets: a secret value never reaches a message.
    target.checkInput?.(input);
    const credentials = withVariables(target.auth.map((entry) => entry.data), target);
    const keys = referencedKeysOf('input', input, credentials);
    const secrets = await this.secrets.resolve(workspaceId, keys, target, runId, planKey);
    trace.secretsResolved(secrets);
    const values = new Map(Object.entries(secrets).map(([key, secret]) => [key, secret.value]));
    const resolvedInput = substituteDeep(input, values);
    const auth = substituteDeep(credentials, values).map((data, index) => ({ scheme: target.auth[index].scheme, data }));
    const request = buildOutboundRequest(target, resolvedInput);
    const applied = await this.authentication.apply(workspaceId, request, auth, credentials, target);
    const resolvedAt = performance.now();
    trace.sending();
    // A use is audited once a request carrying the values may connect, never for a run refused before, and once per run.
    let reported = false;
    const reportUses = (): void => {
      if (!reported) this.secrets.reportUses(workspaceId, secrets, target, runId);
      reported = true;
    };
    // The rate limit says when a request may go (or that it may not), each repeated attempt included; the concurrency
    // cap how many go at once.
    const hooks: SendHooks = { onSending: reportUses, beforeRetry: () => this.rateLimits.retryTurn(target.accessTag, target.env, target.rateLimit) };
    await this.rateLimits.awaitTurn(target.accessTag, target.env, target.rateLimit);
    let response = await this.concurrency.run(workspaceId, target.accessTag, () => this.outbound.send(request, hooks));
    if (response.status === 401 && applied.usedCachedToken) {
      // A cached OAuth2 token the upstream no longer takes (revoked, or expired before its time): once more, freshly.
      applied.forgetCachedTokens();
      const retry = buildOutboundRequest(target, resolvedInput);
      await this.authentication.apply(workspaceId, retry, auth, credentials, target);
      // A repeat of a run already sent: without a turn, the upstream's 401 stands (never a 429 of ours).
      const turnMs = await this.rateLimits.retryTurn(target.accessTag, target.env, target.rateLimit);
      if (turnMs !== false) {
        if (turnMs > 0) await sleep(turnMs);
        response = await this.concurrency.run(workspaceId, target.accessTag, () => this.outbound.send(retry, hooks));
      }
    }
    trace.answered(response);
    const reply: ActionRunReply = {
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
    // A reply NATS cannot carry would leave the caller waiting: the run fails instead, and its record says so.
    assertReplyFits(reply, response.body.length, this.nats.info?.max_payload ?? Infinity);
    return reply;
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
