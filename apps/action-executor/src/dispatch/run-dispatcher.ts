import { Injectable } from '@nestjs/common';
import { ErrorCode, type ActionDispatchReply, type DispatchActionRequest, type DispatchedRunMessage, type RunActionBody } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { PinoLogger } from 'nestjs-pino';
import { RunRecordStore, type DispatchedUnderKey } from '../run-records/run-record.store.js';
import { newRunId } from '../run-records/run-trace.js';
import { withVariables } from '../runs/input-references.js';
import { buildOutboundRequest, idempotencyKeyOf } from '../runs/outbound-request.builder.js';
import { RunTargetLoader } from '../runs/run-target.loader.js';
import { DispatchConfig } from './dispatch.config.js';
import { dispatchFingerprintOf } from './dispatch-fingerprint.js';
import { DispatchQueue } from './dispatch-queue.js';
import { queuedRunRow } from './dispatched-run-rows.js';

/**
 * Accepts a dispatched run: checks what no retry could fix, records it `queued` with its message, then hands it to the
 * dispatch stream and forgets the message. The record is written before the reply, so that fetching the returned run
 * id always finds it; a record whose message is still there after an executor died is published by DispatchSweeper. A dispatch
 * repeated with the same `Idempotency-Key` (after a timeout, say) answers with the run already queued under it.
 */
@Injectable()
export class RunDispatcher {
  constructor(
    private readonly targets: RunTargetLoader,
    private readonly store: RunRecordStore,
    private readonly queue: DispatchQueue,
    private readonly config: DispatchConfig,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('dispatch');
  }

  async dispatch(request: DispatchActionRequest): Promise<ActionDispatchReply> {
    const { workspace_id: workspaceId, run } = request;
    // An unknown product, connection, env or action, a missing path param or a body its type cannot carry is refused
    // now, with the same error a synchronous run gets. Secrets are checked by each attempt, as they may change.
    const target = await this.targets.load(workspaceId, run);
    const input = structuredClone({ ...(run.input ?? {}) });
    if (target.checkInput) target.checkInput(withVariables(input, target));
    buildOutboundRequest(target, input);
    const dispatchKey = idempotencyKeyOf(input);

    const runId = newRunId();
    const dispatchedAt = Date.now();
    const message: DispatchedRunMessage = { workspace_id: workspaceId, run_id: runId, run, dispatched_at: request.sent_at ?? dispatchedAt };
    // Date.now() is whole milliseconds; the monotonic clock's fraction keeps two dispatches of one millisecond apart.
    const queued = await this.store.insertQueued(
      queuedRunRow({
        runId,
        workspaceId,
        run,
        target,
        queuedAtEpochMs: dispatchedAt + (performance.now() % 1),
        maxAttempts: this.config.DISPATCH_MAX_ATTEMPTS,
        dispatchKey,
        dispatchFingerprint: dispatchKey === undefined ? undefined : dispatchFingerprintOf(run),
        message,
      }),
    );
    if (!queued.inserted) {
      const reply = sameRunOrRefusal(queued.existing, run, dispatchKey);
      // The first dispatch may have recorded the run and then died, or lost its commit's answer, before the stream
      // confirmed it: the caller, told of a failure or a timeout, repeats it, and needs it queued now rather than at the
      // next sweep. A run whose message was confirmed is in the stream already and is not published twice.
      if (reply.status === 'queued' && queued.existing.unpublished) await this.#publish({ ...message, run_id: reply.run_id });
      return reply;
    }
    try {
      await this.queue.publish(message);
    } catch (error) {
      // The caller is told nothing was queued, so no record may say otherwise. Should the stream have stored the run
      // after all (its acknowledgement lost), its delivery finds no record and ends without running it; only if an
      // executor took it before this delete does it run, and then its record shows it.
      await this.store.deleteQueued(runId).catch((deleteError: unknown) => {
        throw new DomainError(
          ErrorCode.ServiceUnavailable,
          'The dispatch queue did not confirm the run and its record could not be withdrawn: it may still run; dispatch again with the same Idempotency-Key to learn which',
          { run_id: runId, cause: errorName(deleteError) },
        );
      });
      throw error;
    }
    await this.#confirmed(runId);
    return { run_id: runId, status: 'queued' };
  }

  async #publish(message: DispatchedRunMessage): Promise<void> {
    await this.queue.publish(message);
    await this.#confirmed(message.run_id);
  }

  // The run is in the stream: a failure to note that only makes the sweeper publish it again, which the stream's
  // duplicate window absorbs, so it must not fail a dispatch that succeeded.
  async #confirmed(runId: string): Promise<void> {
    await this.store.markPublished(runId).catch((error: unknown) => this.logger.warn({ err: error, run_id: runId }, 'dispatched run published but not marked so; the sweeper will publish it again'));
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/** A repeated dispatch gets the run its key already names, as long as it asks for the same action with the same request. */
function sameRunOrRefusal(existing: DispatchedUnderKey, run: RunActionBody, dispatchKey: string | undefined): ActionDispatchReply {
  const asked = { product: run.product, access_tag: run.app, env: run.env, event: run.event };
  const differs = (Object.keys(asked) as (keyof typeof asked)[]).filter((field) => asked[field] !== existing[field]);
  if (differs.length === 0 && existing.same_request) return { run_id: existing.id, status: existing.status };
  const dispatched =
    differs.length > 0
      ? `dispatched for ${existing.product}/${existing.access_tag}/${existing.env}/${existing.event}`
      : 'dispatched with another input (params, query, headers or body)';
  throw new DomainError(ErrorCode.IdempotencyKeyReused, `Idempotency key '${dispatchKey}' already names run ${existing.id}, ${dispatched}`, {
    run_id: existing.id,
    differs: differs.length > 0 ? differs : ['request'],
  });
}
