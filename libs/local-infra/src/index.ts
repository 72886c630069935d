export type { InfraLogger, RunningServer } from './infra-logger.js';
export { ensureNats, type EnsureNatsOptions, type RunningNats } from './ensure-nats.js';
export {
  generatePassword,
  natsAuthorizationConfig,
  natsUserEnvironment,
  UNRESTRICTED,
  type NatsCredentials,
  type NatsUserEntry,
  type NatsUserPermissions,
} from './nats-authorization.js';
export { ensurePostgres, type EnsurePostgresOptions } from './ensure-postgres.js';
export { findLocalPostgres, LOCAL_DATABASE_URL } from './local-postgres.js';
export { localDataDir } from './data-dir.js';
export { natsAnswers } from './nats-probe.js';
export { startNatsCluster, type NatsCluster, type NatsClusterOptions, type NatsNode } from './nats-cluster.js';
export { ensureDatabase, postgresAnswers, withPostgresClient } from './postgres-client.js';
export { postgresUrl, redactPassword, withDatabase, type PostgresAddress } from './postgres-url.js';
export { choosePort, findFreePort, isPortFree } from './free-port.js';
export {
  describeExit,
  isPidAlive,
  signalPid,
  spawnChild,
  stopPid,
  type ChildHandle,
  type ExitStatus,
  type SpawnChildOptions,
  type StopOptions,
} from './child-process.js';
export { readLines } from './line-reader.js';
export { waitUntil, type WaitUntilOptions } from './wait-until.js';
export { createTempDataDir } from './temp-dir.js';
export { findExecutable } from './executable-on-path.js';
export { BUILD_DIR, buildWorkspace, compiledNodeArgs, compiledNodeEnv, compiledPath, SERVICE_NODE_FLAGS, type WorkspaceBuild } from './workspace-build.js';
export { buildWorkbench, WORKBENCH_BUILD_DIR, type WorkbenchBuild } from './workbench-build.js';
