// Entry point of the process that holds the jest run's NATS and Postgres (spawned by global-setup.ts) and builds dist/.
// It prints one JSON line with their URLs, then stops them when its stdin closes (global teardown, or jest
// dying without one) or on SIGTERM/SIGINT, so no server outlives the run.
import { buildWorkspace } from '@switchboard/local-infra';
import { REPO_ROOT } from '../repo-root.js';
import { startTestInfrastructure } from './test-infrastructure.js';

try {
  // Tests start services from dist/, so every run compiles the sources it tests (about half a second). Both are
  // awaited whatever happens, so that a source that does not compile never leaves NATS and PostgreSQL behind.
  const [started, build] = await Promise.allSettled([startTestInfrastructure(), buildWorkspace(REPO_ROOT)]);
  if (build.status === 'rejected') {
    if (started.status === 'fulfilled') await started.value.stop();
    throw new Error(`Compiling the sources to dist/ failed: ${build.reason instanceof Error ? build.reason.message : String(build.reason)}`, { cause: build.reason });
  }
  if (started.status === 'rejected') throw started.reason;
  const infrastructure = started.value;
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
  const { natsUrl, natsCredentials, databaseUrl } = infrastructure;
  process.stdout.write(`${JSON.stringify({ natsUrl, natsCredentials, databaseUrl })}\n`);
} catch (error) {
  process.stderr.write(`Could not start the test infrastructure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
