import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { compiledNodeArgs, REPO_ROOT } from '@switchboard/testing';
import { EmbeddedSecretValueStore } from '../../src/storage/embedded/embedded-secret-value-store.js';
import { createMasterKeyFile, readMasterKeyFile } from '../../src/storage/embedded/master-key-loader.js';
import type { SecretValueAddress } from '../../src/storage/secret-value-store.js';
import { startEmbeddedStorage, type EmbeddedStorage } from './embedded-storage.fixture.js';

const CLI = 'apps/secrets-vault/src/cli/master-key-rotate.cli.ts';

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI the way an operator would (compiled, from the repo root), with only the given storage settings. */
async function runCli(env: Record<string, string>, args: string[] = []): Promise<CliRun> {
  const { SWITCHBOARD_MASTER_KEY: _ignored, ...inherited } = process.env;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, compiledNodeArgs(REPO_ROOT, CLI, args), {
      cwd: REPO_ROOT,
      env: { ...inherited, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('master-key-rotate CLI', () => {
  let dir: string;
  let keyFile: string;
  let storage: EmbeddedStorage;
  const addresses: SecretValueAddress[] = Array.from({ length: 3 }, () => ({ workspaceId: 'ws_cli', valueId: randomUUID() }));

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'master-key-rotate-'));
    keyFile = join(dir, 'master.key');
    const { key } = await createMasterKeyFile(keyFile);
    storage = await startEmbeddedStorage(key);
    for (const [index, address] of addresses.entries()) await storage.store.write(address, `value-${index}`);
  });

  afterAll(async () => {
    await storage?.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  it('re-wraps every value, installs the new key in place of the old file, keeps the old one, and prints no key', async () => {
    const oldKey = storage.masterKey;
    const run = await runCli({ DATABASE_URL: storage.url, SWITCHBOARD_MASTER_KEY_FILE: keyFile });
    expect(run).toMatchObject({ code: 0 });
    const result = JSON.parse(run.stdout.trim()) as Record<string, unknown>;
    const newKey = await readMasterKeyFile(keyFile);
    expect(result).toEqual({ rewrapped: 3, already_rewrapped: 0, old_key_id: oldKey.id, new_key_id: newKey?.id, new_key_file: keyFile });

    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    expect((await readMasterKeyFile(join(dir, `master.key.${oldKey.id}.retired`)))?.id).toBe(oldKey.id);
    expect(await readdir(dir)).toHaveLength(2);
    for (const key of [oldKey, newKey!]) {
      expect(run.stdout + run.stderr).not.toContain(key.toBase64());
    }

    const rotated = new EmbeddedSecretValueStore(storage.dataSource, newKey!);
    for (const [index, address] of addresses.entries()) await expect(rotated.read(address)).resolves.toBe(`value-${index}`);
    storage.masterKey = newKey!;
  });

  it('takes the current key from SWITCHBOARD_MASTER_KEY and the new one from --new-key-file, leaving both where they are', async () => {
    const currentKey = storage.masterKey;
    const newKeyFile = join(dir, 'next.key');
    const { key: newKey } = await createMasterKeyFile(newKeyFile);
    const run = await runCli({ DATABASE_URL: storage.url, SWITCHBOARD_MASTER_KEY: currentKey.toBase64(), SWITCHBOARD_MASTER_KEY_FILE: keyFile }, ['--new-key-file', newKeyFile, '--batch-size', '2']);
    expect(run).toMatchObject({ code: 0 });
    expect(JSON.parse(run.stdout.trim())).toMatchObject({ rewrapped: 3, old_key_id: currentKey.id, new_key_id: newKey.id, new_key_file: newKeyFile });
    expect(run.stderr).toContain('set SWITCHBOARD_MASTER_KEY to its contents');
    expect(run.stdout + run.stderr).not.toContain(currentKey.toBase64());
    expect((await readMasterKeyFile(keyFile))?.id).toBe(currentKey.id);
    await expect(new EmbeddedSecretValueStore(storage.dataSource, newKey).read(addresses[0])).resolves.toBe('value-0');
    storage.masterKey = newKey;
  });

  it('stops without touching anything when there is no current key', async () => {
    const missing = join(dir, 'absent', 'master.key');
    const run = await runCli({ DATABASE_URL: storage.url, SWITCHBOARD_MASTER_KEY_FILE: missing });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`No master key: SWITCHBOARD_MASTER_KEY is not set and the key file ${missing} does not exist`);
    await expect(stat(join(dir, 'absent'))).rejects.toThrow(/ENOENT/);
    await expect(storage.store.read(addresses[0])).rejects.toThrow(/is wrapped under master key/);
    await expect(new EmbeddedSecretValueStore(storage.dataSource, storage.masterKey).read(addresses[0])).resolves.toBe('value-0');
  });
});
