// Keeps the Jest projects of jest.config.js honest: a unit spec must run without the global setup that builds
// dist/ and starts NATS and PostgreSQL, and every spec must still run exactly once under `npm test`.
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Config } from '@jest/types';
import { readConfigs } from 'jest-config';
import { globsToMatcher } from 'jest-util';
import { globSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const workspaceRoot = fileURLToPath(new URL('../../', import.meta.url));

let projects: Config.ProjectConfig[];

/** The projects of jest.config.js that select `file`, as Jest matches it (roots, then testMatch). */
function projectsOf(file: string): Config.ProjectConfig[] {
  return projects.filter((project) => project.roots.some((root) => file.startsWith(`${root}/`)) && globsToMatcher(project.testMatch)(file));
}

function specFiles(pattern: string): string[] {
  return globSync(pattern, { cwd: workspaceRoot, exclude: (name) => name === 'node_modules' || name === 'dist' })
    .map((file) => join(workspaceRoot, file))
    .sort();
}

describe('Jest projects', () => {
  beforeAll(async () => {
    ({ configs: projects } = await readConfigs({ $0: 'jest', _: [] }, [workspaceRoot]));
  });

  it('run every unit spec without a global setup, so no NATS, no PostgreSQL and no build of dist/', () => {
    const units = specFiles('{apps,libs,tools}/**/*.spec.ts');
    expect(units).toContain(join(workspaceRoot, 'libs/placeholders/src/scan-references.spec.ts'));
    const withSetup = units.filter((file) => projectsOf(file).some((project) => project.globalSetup || project.globalTeardown));
    expect(withSetup).toEqual([]);
  });

  it('run every integration and end-to-end spec with the infrastructure global setup and teardown', () => {
    const integrations = specFiles('{apps,libs,tools}/**/*.{integration,e2e}-spec.ts');
    expect(integrations.length).toBeGreaterThan(0);
    const withoutSetup = integrations.filter((file) =>
      projectsOf(file).some((project) => !project.globalSetup?.endsWith('global-setup.ts') || !project.globalTeardown?.endsWith('global-teardown.ts')),
    );
    expect(withoutSetup).toEqual([]);
  });

  it('select every spec in exactly one project, so `npm test` runs each once', () => {
    const counts = specFiles('{apps,libs,tools}/**/*{.spec,.integration-spec,.e2e-spec}.ts').map((file) => [file, projectsOf(file).length]);
    expect(counts.filter(([, count]) => count !== 1)).toEqual([]);
  });
});
