// Lint for the whole workspace: `npm run lint` (= eslint . --max-warnings=0).
// Type-aware TypeScript rules, libs used only through their entry point, and Nx module
// boundaries on two tag axes (scope: who owns it, type: what kind of code it is).
import { readFileSync } from 'node:fs';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import nx from '@nx/eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// @nx/enforce-module-boundaries only reads the project graph Nx cached on disk and silently
// skips itself (a stdout warning, no error) when there is none, e.g. in a fresh clone or
// after a project.json changed. So build or refresh the graph here, in process: no daemon,
// no network, incremental after the first run (about a second).
process.env.NX_DAEMON ??= 'false';
const { createProjectGraphAsync } = await import('@nx/devkit');
try {
  await createProjectGraphAsync({ exitOnError: false });
} catch (error) {
  throw new Error('eslint.config.js: Nx could not compute the project graph, so module boundaries cannot be checked', {
    cause: error,
  });
}

/** Each project may depend only on projects carrying one of these tags; both axes must agree. */
const depConstraints = [
  // type axis: what a kind of code may build on
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:platform', 'type:testing', 'type:placeholders', 'type:webhook-signatures'],
  },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:sdk', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:placeholders', onlyDependOnLibsWithTags: [] },
  // Signature maths only: node:crypto, no infrastructure, nothing of ours.
  { sourceTag: 'type:webhook-signatures', onlyDependOnLibsWithTags: [] },
  // Made-up API documents (data): the test harness hands them to specs, the bench imports them itself.
  { sourceTag: 'type:fixtures', onlyDependOnLibsWithTags: [] },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: [
      'type:contracts',
      'type:platform',
      'type:infra',
      'type:sdk',
      'type:placeholders',
      'type:fixtures',
      'type:webhook-signatures',
    ],
  },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:infra', 'type:contracts', 'type:fixtures'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:sdk', 'type:testing', 'type:contracts'] },
  // The web workbench calls the gateway's public API through the SDK, and nothing else of ours.
  { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['type:sdk'] },

  // scope axis: who owns it. Services never reach into each other (they talk over NATS).
  // scope:client is listed for scope:shared only because the test harness (type:testing) drives
  // the SDK; the type axis above keeps contracts, platform and infra off the client.
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared', 'scope:client'] },
  { sourceTag: 'scope:client', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:catalog', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:connection', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:secrets', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:executor', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared', 'scope:client'] },
  { sourceTag: 'scope:workbench', onlyDependOnLibsWithTags: ['scope:client'] },
];

/** `// eslint-disable…` must say why after ` -- `, so every escape hatch is explained. */
const disableNeedsReason = {
  meta: {
    type: 'problem',
    docs: { description: 'Require a reason (`-- why`) on every eslint-disable comment' },
    schema: [],
    messages: { missingReason: 'Explain this eslint-disable comment: add " -- <reason>".' },
  },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const text = comment.value.trim();
          if (/^eslint-disable(-next-line|-line)?(\s|$)/.test(text) && !/\s--\s*\S/.test(text)) {
            context.report({ loc: comment.loc, messageId: 'missingReason' });
          }
        }
      },
    };
  },
};

// A library's entry points are its aliases in tsconfig.base.json: `@switchboard/<lib>`, and for the platform a lighter
// one that one-shot scripts load without NestJS and NATS.
const { compilerOptions } = JSON.parse(readFileSync(new URL('./tsconfig.base.json', import.meta.url), 'utf8'));
const subpathEntryPoints = Object.keys(compilerOptions.paths).filter((alias) => /^@switchboard\/[^/]+\/.+/.test(alias));
const entryPointImports = [
  {
    regex: `^@switchboard/(?!(${subpathEntryPoints.map((alias) => alias.slice('@switchboard/'.length).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$)[^/]+/.+`,
    message: 'Import a library through its entry point only: `@switchboard/<lib>` (or an entry point tsconfig.base.json declares).',
  },
  {
    regex: '(^|/)libs/[^/]+/',
    message: 'Import a library by its alias `@switchboard/<lib>`, never by a path into libs/.',
  },
];

// The unit Jest project has no global setup: a unit spec that started NATS, PostgreSQL or services from dist/
// would start them on its own, slowly and against a dist/ nobody rebuilt.
const UNIT_SPEC_INFRASTRUCTURE = 'A unit spec runs without infrastructure; name a spec that needs it *.integration-spec.ts.';
const unitSpecInfrastructureImports = [
  { name: '@switchboard/local-infra', message: UNIT_SPEC_INFRASTRUCTURE },
  {
    name: '@switchboard/testing',
    importNames: ['startPlatform', 'startService', 'createTestDatabase', 'createWorkspaceWithCli'],
    message: UNIT_SPEC_INFRASTRUCTURE,
  },
];

const testFiles = ['**/*.spec.ts', '**/*.integration-spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts'];

export default defineConfig(
  globalIgnores(['**/node_modules/', '**/dist/', '**/.data/', '**/.nx/', '**/coverage/', '**/tmp/']),

  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    plugins: { '@nx': nx, switchboard: { rules: { 'disable-needs-reason': disableNeedsReason } } },
  },

  js.configs.recommended,

  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },

  {
    // The workbench runs in the browser: DOM globals, no Node ones.
    files: ['apps/workbench/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },

  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js'],
    rules: {
      'switchboard/disable-needs-reason': 'error',
      'no-restricted-imports': ['error', { patterns: entryPointImports }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints,
        },
      ],
    },
  },

  {
    // The SDK installs without dependencies: it takes its wire shapes from the contracts as types only (erased when
    // compiled), never their values (class-validator, reflect-metadata).
    files: ['libs/sdk/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@switchboard/contracts',
              allowTypeImports: true,
              message: 'The SDK may import the contracts only with `import type`, so it keeps no runtime dependency.',
            },
          ],
        },
      ],
    },
  },

  {
    files: testFiles,
    languageOptions: { globals: { ...globals.jest } },
    rules: {
      // jest.fn() mocks are routinely passed around as `service.method`
      '@typescript-eslint/unbound-method': 'off',
    },
  },

  {
    files: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: entryPointImports, paths: unitSpecInfrastructureImports }],
    },
  },

  {
    // The test senders sign as the vendors document it, so the specs that send with them check the verifier against
    // the vendors' algorithms; built on the verifier itself, they would only check it against itself.
    files: ['libs/testing/src/fake-apis/webhook-senders.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: entryPointImports,
          paths: [{ name: '@switchboard/webhook-signatures', message: 'Webhook senders sign on their own, with node:crypto only.' }],
        },
      ],
    },
  },
);
