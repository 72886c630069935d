import { signalPid, type ChildHandle } from '@switchboard/local-infra';

/**
 * Everything the bench started, stopped once in reverse order of starting, whether the bench finished, failed or
 * was interrupted. Children are tracked too, so that an exit by any other path still kills their process groups.
 */
export class Teardown {
  private readonly steps: { what: string; stop: () => Promise<unknown> }[] = [];
  private readonly children = new Set<ChildHandle>();
  private running: Promise<void> | undefined;

  /** Registers a stop step; steps run last-registered first. */
  add(what: string, stop: () => Promise<unknown>): void {
    if (this.running) throw new Error(`Cannot register "${what}": the bench is already stopping`);
    this.steps.push({ what, stop });
  }

  /** Registers a child started in its own process group (spawnChild `detached: true`) for {@link killChildren}. */
  trackChild(child: ChildHandle): void {
    this.children.add(child);
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /** Runs every step once (later calls share the first run); a failing step is reported and the rest still run. */
  run(report: (message: string) => void): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.splice(0).reverse()) {
        try {
          await step.stop();
        } catch (error) {
          report(`Could not ${step.what}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    })();
    return this.running;
  }

  /** SIGKILLs the process group of every tracked child still running (second Ctrl-C, or exit by another path). */
  killChildren(): void {
    for (const child of this.children) if (!child.exitStatus()) signalPid(-child.pid, 'SIGKILL');
  }
}
