import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ensurePostgres } from './ensure-postgres.js';
import { postgresAnswers, withPostgresClient } from './postgres-client.js';
import { createTempDataDir } from './temp-dir.js';

function recordingLog() {
  const lines: string[] = [];
  return { lines, info: (message: string) => lines.push(message), warn: (message: string) => lines.push(message) };
}

async function setting(url: string, name: string): Promise<string | undefined> {
  return withPostgresClient(url, async (client) => (await client.query<{ value: string }>('SELECT current_setting($1) AS value', [name])).rows[0]?.value);
}

describe('ensurePostgres', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await createTempDataDir('ensure-postgres-spec-');
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reuses a DATABASE_URL that answers SELECT 1 and starts nothing', async () => {
    const existing = process.env.DATABASE_URL ?? '';
    const postgres = await ensurePostgres({ url: existing, dataDir, log: recordingLog() });
    expect(postgres).toMatchObject({ url: existing, startedByUs: false });
    await postgres.stop();
    await expect(postgresAnswers(existing)).resolves.toBe(true);
    expect(existsSync(join(dataDir, 'postgres'))).toBe(false);
  });

  it('starts an ephemeral cluster tuned for tests with the switchboard database, and removes it at stop()', async () => {
    const postgres = await ensurePostgres({ url: 'postgres://postgres:x@127.0.0.1:1/none', dataDir, ephemeral: true, log: recordingLog() });
    try {
      expect(postgres.startedByUs).toBe(true);
      expect(new URL(postgres.url).pathname).toBe('/switchboard');
      await expect(setting(postgres.url, 'fsync')).resolves.toBe('off');
      await expect(setting(postgres.url, 'synchronous_commit')).resolves.toBe('off');
      await expect(setting(postgres.url, 'full_page_writes')).resolves.toBe('off');
    } finally {
      await postgres.stop();
    }
    await expect(postgresAnswers(postgres.url)).resolves.toBe(false);
    expect(existsSync(join(dataDir, 'postgres'))).toBe(false);
  });

  it('reuses its initialised data directory on a second start, data included', async () => {
    const first = await ensurePostgres({ dataDir, log: recordingLog() });
    try {
      await withPostgresClient(first.url, (client) => client.query("CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')"));
      await expect(setting(first.url, 'fsync')).resolves.toBe('on');
    } finally {
      await first.stop();
    }

    const log = recordingLog();
    const second = await ensurePostgres({ dataDir, log });
    try {
      expect(log.lines.some((line) => line.startsWith('Initialising'))).toBe(false);
      const rows = await withPostgresClient(second.url, async (client) => (await client.query<{ note: string }>('SELECT note FROM kept')).rows);
      expect(rows).toEqual([{ note: 'still here' }]);
    } finally {
      await second.stop();
    }
  });

  it('takes over a postgres left running on its data directory instead of failing on the lock', async () => {
    const leftRunning = await ensurePostgres({ dataDir, ephemeral: true, log: recordingLog() });
    try {
      const adopted = await ensurePostgres({ dataDir, ephemeral: true, log: recordingLog() });
      expect(adopted).toMatchObject({ url: leftRunning.url, startedByUs: true });
      await adopted.stop();
      await expect(postgresAnswers(leftRunning.url)).resolves.toBe(false);
    } finally {
      await leftRunning.stop();
    }
  });
});
