export { createTestDatabase, type TestDatabase } from './create-test-database.js';
export { startOwnNats } from './own-nats.js';
export { startTestNatsCluster, type TestNatsCluster } from './test-nats-cluster.js';
export type { RunningNats, RunningServer } from '@switchboard/local-infra';
export { connectAsHarness, HARNESS_NATS_USER, harnessNatsAccess, natsAccessAs, sharedTestNats, testNatsUsers, type TestNats } from './test-nats.js';
export { startService, type ServiceHandle, type StartServiceOptions } from './start-service.js';
export { startPlatform, type Platform, type StartPlatformOptions } from './start-platform.js';
export { createWorkspaceWithCli, runWorkspaceCli, type CliRun, type WorkspaceCredentials } from './workspace-cli.js';
export { HEALTH_SUBJECTS, MICROSERVICE_NAMES, SERVICE_NAMES, serviceEntryPoint, type MicroserviceName, type ServiceName } from './services.js';
export { httpAnswersOk, microserviceIsHealthy } from './service-health.js';
export { REPO_ROOT } from './repo-root.js';
// Tests that start a CLI or a script run its compiled file, as the services are run.
export { compiledNodeArgs } from '@switchboard/local-infra';
export { testLogger, testLogsEnabled } from './test-logger.js';
export { rejectionOf, thrownBy } from './rejection-of.js';
export { schemaDriftOf } from './schema-drift.js';
// Polling, for what a test can only observe eventually (run records are written after the reply).
export { waitUntil, type WaitUntilOptions } from '@switchboard/local-infra';
export { startTcpRelay, type TcpRelay } from './tcp-relay.js';
export { scanForLeaks, type Leak, type LeakScanSources } from './leak-scanner.js';
export * from './fake-apis/index.js';
// Specs reach the made-up API documents through the harness, as the bench reaches them directly.
export { largeOpenApiDocument } from '@switchboard/api-documents';
export { CHROMIUM_PATH, launchBrowser } from './browser/launch-browser.js';
export { expectAccessible } from './browser/expect-accessible.js';
