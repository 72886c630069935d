import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort, spawnChild } from '@switchboard/local-infra';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Processes started from this checkout's dist/ whose environment holds `marker`: the services one npm start spawned,
 * not those of the platforms other test files (in other jest workers) start from the same dist/.
 */
async function servicesStartedWith(marker: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of (await readdir('/proc')).filter((entry) => /^\d+$/.test(entry))) {
    const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (!commandLine.includes(`${REPO_ROOT}/dist/apps/`)) continue;
    const environment = await readFile(`/proc/${pid}/environ`, 'utf8').catch(() => '');
    if (environment.split('\0').includes(marker)) found.push(commandLine.replaceAll('\0', ' '));
  }
  return found;
}

describe('npm start with wrong settings', () => {
  it("lists every service's wrong settings, not only the quickest one's, then stops everything and exits 1", async () => {
    const lines: string[] = [];
    const run = randomUUID();
    const start = await spawnChild(process.execPath, ['--import', '@swc-node/register/esm-register', 'tools/start/start.ts'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        // The test NATS and PostgreSQL, so that npm start starts neither; no service gets as far as migrating.
        NATS_URL: process.env.NATS_URL,
        DATABASE_URL: process.env.DATABASE_URL,
        PORT: String(await findFreePort()),
        OUTBOUND_MAX_RESPONSE_BYTES: 'abc',
        LOG_LEVEL: 'loud',
        NATS_REQUEST_TIMEOUT_MS: '-5',
        // Passed on to every service npm start spawns, so that the check below finds exactly those.
        START_SPEC_RUN: run,
      },
      onLine: (line) => lines.push(line),
    });
    const status = await start.exited;
    const output = lines.join('\n');

    expect(status).toMatchObject({ code: 1 });
    for (const service of ['gateway', 'catalog', 'connection', 'secrets-vault', 'action-executor']) {
      expect(output).toMatch(new RegExp(`^${service} *│ {3}LOG_LEVEL: `, 'm'));
    }
    expect(output).toMatch(/^action-executor *│ {3}OUTBOUND_MAX_RESPONSE_BYTES: /m);
    expect(lines.at(-1)).toMatch(/Stopped\.$/);
    expect(await servicesStartedWith(`START_SPEC_RUN=${run}`)).toEqual([]);
  }, 180_000);
});
