import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Subjects, type SecretUse } from '@switchboard/contracts';
import { NatsRequester } from '@switchboard/platform';

const FLUSH_EVERY_MS = 250;
const USES_PER_MESSAGE = 100;

/**
 * Reports the secret uses of sent calls to the secrets service's audit log, gathered per workspace and sent a few
 * times a second, so a run costs the audit log no write of its own.
 */
@Injectable()
export class SecretUseReporter implements OnApplicationShutdown {
  private pending = new Map<string, SecretUse[]>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly nats: NatsRequester) {
    this.timer = setInterval(() => this.flush(), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  report(workspaceId: string, uses: readonly SecretUse[]): void {
    const queue = this.pending.get(workspaceId) ?? [];
    queue.push(...uses);
    this.pending.set(workspaceId, queue);
  }

  /** Sends everything gathered so far. */
  flush(): void {
    const batches = this.pending;
    this.pending = new Map();
    for (const [workspaceId, uses] of batches) {
      for (let start = 0; start < uses.length; start += USES_PER_MESSAGE) {
        this.nats.emit(Subjects.SecretsSecretUseRecord, { workspace_id: workspaceId, uses: uses.slice(start, start + USES_PER_MESSAGE) });
      }
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.flush();
  }
}
