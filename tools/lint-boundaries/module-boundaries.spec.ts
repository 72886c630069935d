// Keeps the architecture rules of eslint.config.js honest: if the Nx project graph goes
// missing or the depConstraints get loosened, these imports stop failing and CI says so.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { ESLint, type Linter } from 'eslint';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const workspaceRoot = fileURLToPath(new URL('../../', import.meta.url));
const BOUNDARIES = '@nx/enforce-module-boundaries';
const RESTRICTED_IMPORTS = 'no-restricted-imports';
// Virtual files linted from memory: the TypeScript project service cannot see them, so type-aware
// rules are switched off for this one name. Every other rule comes from eslint.config.js as is.
const PROBE = 'boundary-probe.ts';
const SPEC_PROBE = 'boundary-probe.spec.ts';

let eslint: ESLint;

/** Lints `code` as if it were the (not necessarily existing) file at `filePath`. */
async function lint(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (result === undefined) throw new Error(`ESLint returned no result for ${filePath}`);
  const fatal = result.messages.filter((message) => message.fatal === true);
  expect(fatal).toEqual([]);
  return result.messages;
}

function fromRule(messages: Linter.LintMessage[], ruleId: string): Linter.LintMessage[] {
  return messages.filter((message) => message.ruleId === ruleId && message.severity === 2);
}

describe('module boundaries', () => {
  beforeAll(() => {
    // Loading eslint.config.js builds the Nx project graph the boundary rule depends on.
    eslint = new ESLint({
      cwd: workspaceRoot,
      overrideConfig: { ...tseslint.configs.disableTypeChecked, files: [`**/${PROBE}`, `**/${SPEC_PROBE}`] },
    });
  });

  it('reports an error when the gateway imports code from the catalog service', async () => {
    const messages = await lint(
      `apps/gateway/src/${PROBE}`,
      "import { CatalogModule } from '../../catalog/src/catalog.module.js';\nexport const probe = CatalogModule;\n",
    );

    expect(fromRule(messages, BOUNDARIES)).toHaveLength(1);
  });

  it('lets the gateway import the contracts library through its entry point', async () => {
    const messages = await lint(
      `apps/gateway/src/${PROBE}`,
      "import * as contracts from '@switchboard/contracts';\nexport const probe = contracts;\n",
    );

    expect(fromRule(messages, BOUNDARIES)).toEqual([]);
    expect(fromRule(messages, RESTRICTED_IMPORTS)).toEqual([]);
  });

  it('reports an error when a service reaches into a library by a relative path', async () => {
    const messages = await lint(
      `apps/gateway/src/${PROBE}`,
      "import * as contracts from '../../../libs/contracts/src/index.js';\nexport const probe = contracts;\n",
    );

    expect(fromRule(messages, BOUNDARIES)).toHaveLength(1);
    expect(fromRule(messages, RESTRICTED_IMPORTS)).toHaveLength(1);
  });

  it('reports an error when a service deep-imports a file behind a library entry point', async () => {
    const messages = await lint(
      `apps/gateway/src/${PROBE}`,
      "import * as subjects from '@switchboard/contracts/src/messaging/subjects.js';\nexport const probe = subjects;\n",
    );

    expect(fromRule(messages, RESTRICTED_IMPORTS)).toHaveLength(1);
  });

  it('reports an error when a library imports an application', async () => {
    const messages = await lint(
      `libs/contracts/src/${PROBE}`,
      "import * as gateway from '../../../apps/gateway/src/main.js';\nexport const probe = gateway;\n",
    );

    expect(fromRule(messages, BOUNDARIES)).toHaveLength(1);
  });

  it('reports an error when the SDK depends on the server platform library', async () => {
    const messages = await lint(
      `libs/sdk/src/${PROBE}`,
      "import * as platform from '@switchboard/platform';\nexport const probe = platform;\n",
    );

    const errors = fromRule(messages, BOUNDARIES);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('type:sdk');
  });

  it('reports an error when a service uses the client SDK', async () => {
    const messages = await lint(
      `apps/catalog/src/${PROBE}`,
      "import * as sdk from '@switchboard/sdk';\nexport const probe = sdk;\n",
    );

    expect(fromRule(messages, BOUNDARIES)).toHaveLength(1);
  });

  it('reports an error when a unit spec imports what starts NATS, PostgreSQL or services', async () => {
    const messages = await lint(
      `libs/placeholders/src/${SPEC_PROBE}`,
      "import { startPlatform } from '@switchboard/testing';\nimport { ensureNats } from '@switchboard/local-infra';\nexport const probe = [startPlatform, ensureNats];\n",
    );

    expect(fromRule(messages, RESTRICTED_IMPORTS).map((message) => message.message)).toEqual([
      expect.stringContaining('*.integration-spec.ts'),
      expect.stringContaining('*.integration-spec.ts'),
    ]);
  });

  it('lets a unit spec use the test helpers that start no infrastructure', async () => {
    const messages = await lint(
      `libs/placeholders/src/${SPEC_PROBE}`,
      "import { rejectionOf, startFakeThirdPartyApi } from '@switchboard/testing';\nexport const probe = [rejectionOf, startFakeThirdPartyApi];\n",
    );

    expect(fromRule(messages, RESTRICTED_IMPORTS)).toEqual([]);
  });

  it('reports an error when the local infrastructure library depends on any other library', async () => {
    const messages = await lint(
      `libs/local-infra/src/${PROBE}`,
      "import * as contracts from '@switchboard/contracts';\nexport const probe = contracts;\n",
    );

    expect(fromRule(messages, BOUNDARIES)).toHaveLength(1);
  });

  it('lets the bench import the made-up API documents, but not the test harness that also hands them out', async () => {
    const documents = await lint(`tools/bench/${PROBE}`, "import { largeOpenApiDocument } from '@switchboard/api-documents';\nexport const probe = largeOpenApiDocument;\n");
    const harness = await lint(`tools/bench/${PROBE}`, "import { largeOpenApiDocument } from '@switchboard/testing';\nexport const probe = largeOpenApiDocument;\n");

    expect(fromRule(documents, BOUNDARIES)).toEqual([]);
    expect(fromRule(harness, BOUNDARIES)).toHaveLength(1);
  });

  it('reports an error when the made-up API documents depend on any other library', async () => {
    const messages = await lint(`libs/api-documents/src/${PROBE}`, "import * as contracts from '@switchboard/contracts';\nexport const probe = contracts;\n");

    expect(fromRule(messages, BOUNDARIES)).toHaveLength(1);
  });

  it('reports an error when the webhook signature library depends on any other library', async () => {
    const messages = await lint(`libs/webhook-signatures/src/${PROBE}`, "import * as contracts from '@switchboard/contracts';\nexport const probe = contracts;\n");

    expect(fromRule(messages, BOUNDARIES)).toHaveLength(1);
  });

  it('lets the executor and the harness use the webhook signature library, but not the test senders', async () => {
    const code = "import { verifyWebhook } from '@switchboard/webhook-signatures';\nexport const probe = verifyWebhook;\n";
    const executor = await lint(`apps/action-executor/src/${PROBE}`, code);
    const harness = await lint(`libs/testing/src/fake-apis/${PROBE}`, code);
    const senders = await lint('libs/testing/src/fake-apis/webhook-senders.ts', code);

    expect(fromRule(executor, BOUNDARIES)).toEqual([]);
    expect(fromRule(harness, BOUNDARIES)).toEqual([]);
    expect(fromRule(senders, RESTRICTED_IMPORTS).map((message) => message.message)).toEqual([expect.stringContaining('node:crypto only')]);
  });

  it('lets the workbench call the gateway through the SDK', async () => {
    const messages = await lint(`apps/workbench/src/${PROBE}`, "import { Switchboard } from '@switchboard/sdk';\nexport const probe = Switchboard;\n");

    expect(fromRule(messages, BOUNDARIES)).toEqual([]);
  });

  it.each(['@switchboard/contracts', '@switchboard/platform', '@switchboard/testing'])('reports an error when the workbench imports %s', async (library) => {
    const messages = await lint(`apps/workbench/src/${PROBE}`, `import * as library from '${library}';\nexport const probe = library;\n`);

    expect(fromRule(messages, BOUNDARIES)).toHaveLength(1);
  });

  it('reports an error when the workbench imports code of a service', async () => {
    const messages = await lint(
      `apps/workbench/src/${PROBE}`,
      "import { GatewayConfig } from '../../gateway/src/config/gateway.config.js';\nexport const probe = GatewayConfig;\n",
    );

    expect(fromRule(messages, BOUNDARIES)).toHaveLength(1);
  });
});
