import { Injectable } from '@nestjs/common';
import { DispatchedRunMessage } from '@switchboard/contracts';
import { MESSAGE_ENVELOPE_LEVELS, toErrorBody, validatePayload } from '@switchboard/platform';
import { PinoLogger } from 'nestjs-pino';
import { whileWorkingOn, type StreamDelivery } from '../jetstream/stream-delivery.js';
import { RunMetrics } from '../run-records/run-metrics.js';
import { RunRecordStore } from '../run-records/run-record.store.js';
import { RunTrace } from '../run-records/run-trace.js';
import { backoffDelayMs, mayRetry } from '../outbound/retry-policy.js';
import { ActionRunner } from '../runs/action-runner.js';
import { idempotencyKeyOf } from '../runs/outbound-request.builder.js';
import { DispatchConfig } from './dispatch.config.js';
import { attemptRow } from './dispatched-run-rows.js';
import { decideAfterAttempt, lastAttemptUnfinished, type AttemptDecision, type RetryPolicy } from './retry-decision.js';

/**
 * Handles one delivery of a dispatched run: marks the run `running` with its attempt number, runs it through the same
 * ActionRunner as a synchronous run, records how it ended, and only then acknowledges it, so that an executor dying
 * at any point leaves the message to be delivered again. While the attempt is under way it tells JetStream it is
 * still working, so a slow but live run is never handed to a second executor.
 */
@Injectable()
export class DispatchedRunHandler {
  readonly #policy: RetryPolicy;

  constructor(
    private readonly runner: ActionRunner,
    private readonly store: RunRecordStore,
    private readonly config: DispatchConfig,
    private readonly logger: PinoLogger,
    private readonly metrics: RunMetrics,
  ) {
    this.#policy = {
      maxAttempts: config.DISPATCH_MAX_ATTEMPTS,
      backoff: { baseMs: config.DISPATCH_RETRY_BACKOFF_MS, capMs: config.DISPATCH_RETRY_BACKOFF_MAX_MS },
    };
    logger.setContext('dispatch');
  }

  /** Never rejects: whatever goes wrong ends in an ack, a nak or a term of the message. */
  async handle(delivery: StreamDelivery): Promise<void> {
    try {
      await whileWorkingOn(delivery, this.config.DISPATCH_ACK_WAIT_MS, () => this.#handle(delivery));
    } catch (error) {
      // The run's state could not be recorded (the database failed): handed back rather than acknowledged, as an
      // acknowledged run whose record is wrong is lost for good.
      const delayMs = backoffDelayMs(delivery.info.deliveryCount, this.#policy.backoff);
      this.logger.error({ err: error, stream_seq: delivery.seq, delivery: delivery.info.deliveryCount, retry_in_ms: delayMs }, 'dispatched run could not be recorded; handed back');
      delivery.nak(delayMs);
    }
  }

  async #handle(delivery: StreamDelivery): Promise<void> {
    const message = await this.#read(delivery);
    if (message === undefined) return;
    const log = { run_id: message.run_id, workspace_id: message.workspace_id, delivery: delivery.info.deliveryCount };

    const start = await this.store.startAttempt(message.workspace_id, message.run_id);
    if (start.state === 'exhausted') {
      if (await this.store.deadLetterUnfinished(message.workspace_id, message.run_id, lastAttemptUnfinished(start.attempts))) {
        this.logger.warn(log, 'dispatched run dead-lettered: its last attempt never finished');
      }
      delivery.term('attempts exhausted');
      return;
    }
    if (start.state === 'ended') {
      // Its outcome was recorded but the acknowledgement was lost (the executor died in between), or its dispatch
      // was withdrawn: running it again would only repeat the call.
      this.logger.info(log, 'dispatched run has already ended; acknowledged without running it');
      delivery.ack();
      return;
    }
    const attempt = start.attempt;

    const trace = new RunTrace(message.workspace_id, message.run, message.dispatched_at, message.run_id);
    let failure: unknown;
    try {
      await this.runner.execute(trace);
    } catch (error) {
      failure = error;
    }
    const finished = trace.finished(failure);
    const repeatable = finished.target !== undefined && mayRetry(finished.target.method, idempotencyKeyOf(finished.input));
    const after = decideAfterAttempt(finished.outcome, attempt, this.#policy, repeatable);
    // A postponed run made no attempt (its rate-limit counter says so): as a failed run it would be counted once per turn it waited.
    if (after.action !== 'postpone') this.metrics.observe('dispatched', finished);
    if (after.action === 'postpone') await this.store.giveBackAttempt(message.workspace_id, message.run_id, attempt, after.refusal);
    else await this.store.upsert(attemptRow(finished, after, attempt, this.#policy.maxAttempts));
    this.#settle(delivery, after, { ...log, code: finished.outcome.status === 'failed' ? finished.outcome.error.code : undefined });
  }

  #settle(delivery: StreamDelivery, decision: AttemptDecision, log: object): void {
    switch (decision.action) {
      case 'ack':
        this.logger.debug({ ...log, status: decision.status }, 'dispatched run ended');
        delivery.ack();
        return;
      case 'retry':
        this.logger.info({ ...log, retry_in_ms: decision.delayMs }, 'dispatched run attempt failed; retrying');
        delivery.nak(decision.delayMs);
        return;
      case 'postpone':
        this.logger.debug({ ...log, retry_in_ms: decision.delayMs }, "dispatched run postponed: no turn under its connection's rate limit");
        delivery.nak(decision.delayMs);
        return;
      case 'dead_letter':
        this.logger.warn(log, 'dispatched run dead-lettered: its last attempt failed');
        delivery.term('attempts exhausted');
        return;
    }
  }

  // A message that is not a dispatched run (a bug, an executor of another version, or someone else publishing on our
  // subject) can never succeed: terminated, so it neither blocks the stream nor comes back, and the run it names, if
  // any, is dead-lettered rather than left queued. Only the field names are logged, never the content.
  async #read(delivery: StreamDelivery): Promise<DispatchedRunMessage | undefined> {
    let payload: unknown;
    try {
      payload = delivery.json<unknown>();
      return await validatePayload(DispatchedRunMessage, payload, MESSAGE_ENVELOPE_LEVELS);
    } catch (error) {
      const failure = toErrorBody(error);
      this.logger.error({ stream_seq: delivery.seq, error: failure.details }, 'dispatch stream message is not a dispatched run; terminated');
      const { run_id: runId, workspace_id: workspaceId } = (payload ?? {}) as { run_id?: unknown; workspace_id?: unknown };
      if (typeof runId === 'string' && typeof workspaceId === 'string') {
        await this.store.deadLetterUnfinished(workspaceId, runId, { code: failure.code, message: `The dispatched run could not be read: ${failure.message}` });
      }
      delivery.term('not a dispatched run');
      return undefined;
    }
  }
}
