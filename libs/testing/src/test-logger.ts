import type { InfraLogger } from '@switchboard/local-infra';

/** True when SWITCHBOARD_TEST_LOGS=1: service output and infrastructure notes are echoed to stderr. */
export function testLogsEnabled(): boolean {
  return process.env.SWITCHBOARD_TEST_LOGS === '1';
}

/** Logger for test infrastructure: notes only with SWITCHBOARD_TEST_LOGS=1, warnings always. */
export const testLogger: InfraLogger = {
  info: (message) => {
    if (testLogsEnabled()) process.stderr.write(`[test-infra] ${message}\n`);
  },
  warn: (message) => process.stderr.write(`[test-infra] ${message}\n`),
};
