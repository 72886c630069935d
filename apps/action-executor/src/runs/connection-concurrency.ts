import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';

interface Lane {
  active: number;
  waiting: (() => void)[];
}

/**
 * Caps the runs in flight per connection on this executor, so one tenant's slow or busy upstream
 * cannot take every socket and worker from the others. A run over the cap waits its turn for a
 * bounded time, then is refused with 429 rather than queued without end.
 */
export class ConnectionConcurrency {
  private readonly lanes = new Map<string, Lane>();

  constructor(
    private readonly maxInFlight: number,
    private readonly maxWaitMs: number,
  ) {}

  /** Runs `work` inside the connection's lane. */
  async run<T>(workspaceId: string, accessTag: string, work: () => Promise<T>): Promise<T> {
    const key = `${workspaceId}\u0000${accessTag}`;
    const lane = this.lanes.get(key) ?? { active: 0, waiting: [] };
    this.lanes.set(key, lane);
    if (lane.active >= this.maxInFlight) await this.waitForTurn(lane, accessTag);
    lane.active += 1;
    try {
      return await work();
    } finally {
      lane.active -= 1;
      const next = lane.waiting.shift();
      if (next) next();
      else if (lane.active === 0) this.lanes.delete(key);
    }
  }

  private waitForTurn(lane: Lane, accessTag: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const turn = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        lane.waiting.splice(lane.waiting.indexOf(turn), 1);
        reject(
          new DomainError(
            ErrorCode.ConnectionBusy,
            `Connection '${accessTag}' already has ${this.maxInFlight} runs in flight on this executor; try again shortly`,
            { access_tag: accessTag, max_in_flight: this.maxInFlight },
          ),
        );
      }, this.maxWaitMs);
      lane.waiting.push(turn);
    });
  }
}
