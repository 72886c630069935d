import preset from './jest.preset.js';

const project = {
  ...preset,
  rootDir: import.meta.dirname,
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools'],
};

// Jest runs a project's global setup only when one of its tests is selected, so `jest --selectProjects unit` or
// `jest libs/placeholders` starts no NATS, no PostgreSQL and no build of dist/.
export default {
  // Two workers on a 2-core machine can each be starting a platform (five Node processes) while the other runs a browser.
  testTimeout: 120_000,
  projects: [
    { ...project, displayName: 'unit', testMatch: ['**/*.spec.ts'] },
    {
      ...project,
      displayName: 'integration',
      testMatch: ['**/*.integration-spec.ts', '**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest/stop-leftover-platforms.ts'],
    },
  ],
};
