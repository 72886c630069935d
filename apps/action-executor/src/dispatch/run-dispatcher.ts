import { Injectable } from '@nestjs/common';
import type { ActionDispatchReply, DispatchActionRequest } from '@switchboard/contracts';
import { RunRecordStore } from '../run-records/run-record.store.js';
import { newRunId } from '../run-records/run-trace.js';
import { buildOutboundRequest } from '../runs/outbound-request.builder.js';
import { RunTargetLoader } from '../runs/run-target.loader.js';
import { DispatchConfig } from './dispatch.config.js';
import { DispatchQueue } from './dispatch-queue.js';
import { queuedRunRow } from './dispatched-run-rows.js';

/**
 * Accepts a dispatched run: checks what no retry could fix, records it `queued`, then hands it to the dispatch
 * stream. The record is written before the reply, so that fetching the returned run id always finds it.
 */
@Injectable()
export class RunDispatcher {
  constructor(
    private readonly targets: RunTargetLoader,
    private readonly store: RunRecordStore,
    private readonly queue: DispatchQueue,
    private readonly config: DispatchConfig,
  ) {}

  async dispatch(request: DispatchActionRequest): Promise<ActionDispatchReply> {
    const { workspace_id: workspaceId, run } = request;
    // An unknown product, connection, env or action, a missing path param or a body its type cannot carry is refused
    // now, with the same error a synchronous run gets. Secrets are checked by each attempt, as they may change.
    const target = await this.targets.load(workspaceId, run);
    buildOutboundRequest(target, structuredClone({ ...(run.input ?? {}) }));

    const runId = newRunId();
    const dispatchedAt = Date.now();
    // Date.now() is whole milliseconds; the monotonic clock's fraction keeps two dispatches of one millisecond apart.
    await this.store.insert([
      queuedRunRow({ runId, workspaceId, run, target, queuedAtEpochMs: dispatchedAt + (performance.now() % 1), maxAttempts: this.config.DISPATCH_MAX_ATTEMPTS }),
    ]);
    try {
      await this.queue.publish({
        workspace_id: workspaceId,
        run_id: runId,
        run,
        ...(request.user_id === undefined ? {} : { user_id: request.user_id }),
        dispatched_at: request.sent_at ?? dispatchedAt,
      });
    } catch (error) {
      // The caller is told nothing was queued, so no record may say otherwise. Should the stream have stored the run
      // after all (its acknowledgement lost), its delivery finds no record and ends without running it; only if an
      // executor took it before this delete does it run, and then its record shows it.
      await this.store.deleteQueued(runId);
      throw error;
    }
    return { run_id: runId, status: 'queued' };
  }
}
