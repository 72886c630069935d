export interface WaitUntilOptions {
  /** What is awaited, for the timeout message ("NATS on nats://127.0.0.1:4222 to accept connections"). */
  what: string;
  timeoutMs: number;
  intervalMs?: number;
  /** Checked before each attempt: return an Error to stop waiting at once (e.g. the process exited). */
  failFast?: () => Error | undefined;
}

/** Polls `probe` until it returns true; throws on timeout or when `failFast` reports an error. */
export async function waitUntil(probe: () => Promise<boolean>, options: WaitUntilOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  const intervalMs = options.intervalMs ?? 100;
  let lastError: unknown;
  for (;;) {
    const fatal = options.failFast?.();
    if (fatal) throw fatal;
    try {
      if (await probe()) return;
    } catch (error) {
      // A failing probe is the normal "not yet" answer; keep the reason for the timeout message.
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${options.timeoutMs} ms waiting for ${options.what}${reason}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
