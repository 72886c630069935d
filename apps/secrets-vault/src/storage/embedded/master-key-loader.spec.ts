import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMasterKey } from './master-key-loader.js';

describe('loadMasterKey', () => {
  let dir: string;
  let warnings: string[];
  const logger = { warn: (message: string) => warnings.push(message) };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'master-key-'));
    warnings = [];
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('generates a key file with mode 0600 (in a new 0700 directory) and warns where it is, never what it is', async () => {
    const loaded = await loadMasterKey({ SWITCHBOARD_MASTER_KEY_FILE: '.data/master.key' }, { logger, createIfMissing: true, cwd: dir });
    const path = join(dir, '.data/master.key');
    expect(loaded.source).toEqual({ kind: 'file', path, generated: true });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, '.data'))).mode & 0o777).toBe(0o700);
    expect((await readFile(path, 'utf8')).trim()).toBe(loaded.key.toBase64());
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(path);
    expect(warnings[0]).toContain('losing it loses every secret');
    expect(warnings[0]).not.toContain(loaded.key.toBase64());
    expect(await readdir(join(dir, '.data'))).toEqual(['master.key']);
  });

  it('reads the same key back on the next start, without a warning', async () => {
    const settings = { SWITCHBOARD_MASTER_KEY_FILE: 'master.key' };
    const first = await loadMasterKey(settings, { logger, createIfMissing: true, cwd: dir });
    const second = await loadMasterKey(settings, { logger, createIfMissing: true, cwd: dir });
    expect(second.key.id).toBe(first.key.id);
    expect(second.source).toMatchObject({ generated: false });
    expect(warnings).toHaveLength(1);
  });

  it('gives replicas starting together one and the same key', async () => {
    const settings = { SWITCHBOARD_MASTER_KEY_FILE: 'race/master.key' };
    const loaded = await Promise.all(Array.from({ length: 8 }, () => loadMasterKey(settings, { logger, createIfMissing: true, cwd: dir })));
    expect(new Set(loaded.map((entry) => entry.key.id)).size).toBe(1);
    expect(loaded.filter((entry) => entry.source.kind === 'file' && entry.source.generated)).toHaveLength(1);
    expect(await readdir(join(dir, 'race'))).toEqual(['master.key']);
  });

  it('prefers SWITCHBOARD_MASTER_KEY and then touches no file', async () => {
    const hex = randomBytes(32).toString('hex');
    const loaded = await loadMasterKey({ SWITCHBOARD_MASTER_KEY: hex, SWITCHBOARD_MASTER_KEY_FILE: 'master.key' }, { logger, createIfMissing: true, cwd: dir });
    expect(loaded.key.bytes.toString('hex')).toBe(hex);
    expect(loaded.source).toEqual({ kind: 'environment' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a key file that other users may read, saying how to fix it', async () => {
    const path = join(dir, 'master.key');
    await writeFile(path, randomBytes(32).toString('base64'), { mode: 0o644 });
    await chmod(path, 0o644);
    await expect(loadMasterKey({ SWITCHBOARD_MASTER_KEY_FILE: path }, { logger, createIfMissing: true })).rejects.toThrow(
      `The master key file ${path} is open to other users (mode 0644); run "chmod 600 ${path}"`,
    );
  });

  it('refuses a key file holding a key of the wrong length, without echoing it', async () => {
    const path = join(dir, 'master.key');
    const short = randomBytes(24).toString('base64');
    await writeFile(path, short, { mode: 0o600 });
    const loading = loadMasterKey({ SWITCHBOARD_MASTER_KEY_FILE: path }, { logger, createIfMissing: true });
    await expect(loading).rejects.toThrow(`The master key file ${path} does not hold a master key: expected 32 bytes`);
    await expect(loading).rejects.not.toThrow(short);
  });

  it('does not invent a key when asked not to (the rotation CLI)', async () => {
    await expect(loadMasterKey({ SWITCHBOARD_MASTER_KEY_FILE: 'missing.key' }, { logger, cwd: dir })).rejects.toThrow(/No master key: .*missing\.key does not exist/);
    expect(await readdir(dir)).toEqual([]);
  });
});
