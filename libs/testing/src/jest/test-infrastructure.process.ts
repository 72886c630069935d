// Entry point of the process that holds the jest run's NATS and Postgres (spawned by global-setup.ts).
// It prints one JSON line with their URLs, then stops them when its stdin closes (global teardown, or jest
// dying without one) or on SIGTERM/SIGINT, so no server outlives the run.
import { startTestInfrastructure } from './test-infrastructure.js';

try {
  const infrastructure = await startTestInfrastructure();
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= infrastructure.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Stopping the test infrastructure failed: ${String(error)}\n`);
        process.exit(1);
      },
    ));
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  process.stdin.once('end', () => void stop());
  process.stdin.resume();
  process.stdout.write(`${JSON.stringify({ natsUrl: infrastructure.natsUrl, databaseUrl: infrastructure.databaseUrl })}\n`);
} catch (error) {
  process.stderr.write(`Could not start the test infrastructure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
