import 'reflect-metadata';
import { rename } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfigsOrExit, serviceDataSourceOptions, ServiceConfig } from '@switchboard/platform';
import { DataSource } from 'typeorm';
import { createMasterKeyFile, loadMasterKey, readMasterKeyFile, type MasterKeySource } from '../storage/embedded/master-key-loader.js';
import { rotateMasterKey } from '../storage/embedded/master-key-rotation.js';
import type { MasterKey } from '../storage/embedded/master-key.js';
import { SecretValueEntity } from '../storage/embedded/secret-value.entity.js';
import { SecretStorageConfig } from '../storage/secret-storage.config.js';

/**
 * `node --import @swc-node/register/esm-register apps/secrets-vault/src/cli/master-key-rotate.cli.ts
 *   [--new-key-file <path>] [--batch-size <n>]`
 *
 * Re-wraps every data key of the embedded store (secrets_vault.secret_values at DATABASE_URL) from
 * the current master key, loaded exactly as the service loads it, to a new one. The new key is read
 * from --new-key-file, or generated into it when that file does not exist; without the option it is
 * generated next to the current key file and, after the rotation, put in its place (the old file is
 * kept as `<file>.<old key id>.retired`, since older database backups still need it). Stop
 * secrets-vault first: a replica still on the old key would go on writing under it. Safe to run
 * again after an interruption. Prints one JSON line with counts and key ids; never a key.
 */
const { values: args } = parseArgs({
  options: { 'new-key-file': { type: 'string' }, 'batch-size': { type: 'string', default: '500' } },
});
const batchSize = Number(args['batch-size']);
if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('--batch-size must be a positive integer');

const note = (message: string): void => void process.stderr.write(`${message}\n`);
const [{ DATABASE_URL }, storageConfig] = loadConfigsOrExit([ServiceConfig, SecretStorageConfig]);
const current = await loadMasterKey(storageConfig, { logger: { warn: note }, createIfMissing: false });
const replacesCurrentFile = args['new-key-file'] === undefined && current.source.kind === 'file';
const newKeyFile = args['new-key-file'] !== undefined ? resolve(args['new-key-file']) : `${keyFilePath(current.source)}.new`;
const newKey = await readOrCreateKey(newKeyFile);

const dataSource = await new DataSource(
  serviceDataSourceOptions(DATABASE_URL, { schema: 'secrets_vault', entities: [SecretValueEntity], migrations: [] }),
).initialize();
let rotation = { rewrapped: 0, alreadyRewrapped: 0 };
try {
  const [table] = await dataSource.query<{ exists: boolean }[]>(`SELECT to_regclass('secrets_vault.secret_values') IS NOT NULL AS exists`);
  if (table?.exists) rotation = await rotateMasterKey(dataSource, current.key, newKey, batchSize);
  else note('secrets_vault.secret_values does not exist yet: no values to re-wrap.');
} finally {
  await dataSource.destroy();
}

let installedAt: string | undefined;
if (replacesCurrentFile && current.source.kind === 'file') {
  const retired = `${current.source.path}.${current.key.id}.retired`;
  await rename(current.source.path, retired);
  await rename(newKeyFile, current.source.path);
  installedAt = current.source.path;
  note(`The new master key ${newKey.id} is now ${installedAt}; the old one was kept as ${retired} for older database backups.`);
} else {
  note(
    current.source.kind === 'environment'
      ? `The new master key ${newKey.id} is in ${newKeyFile}: set SWITCHBOARD_MASTER_KEY to its contents before restarting secrets-vault.`
      : `The new master key ${newKey.id} is in ${newKeyFile}: point SWITCHBOARD_MASTER_KEY_FILE at it (or move it to ${keyFilePath(current.source)}) before restarting secrets-vault.`,
  );
}
process.stdout.write(
  `${JSON.stringify({
    rewrapped: rotation.rewrapped,
    already_rewrapped: rotation.alreadyRewrapped,
    old_key_id: current.key.id,
    new_key_id: newKey.id,
    new_key_file: installedAt ?? newKeyFile,
  })}\n`,
);

/** The current key file, or where it would be when the key comes from SWITCHBOARD_MASTER_KEY. */
function keyFilePath(source: MasterKeySource): string {
  return source.kind === 'file' ? source.path : resolve(storageConfig.SWITCHBOARD_MASTER_KEY_FILE);
}

/** Reuses a new-key file left by an interrupted run (its rotation may have committed), else creates one. */
async function readOrCreateKey(path: string): Promise<MasterKey> {
  const existing = await readMasterKeyFile(path);
  if (existing) return existing;
  const created = await createMasterKeyFile(path);
  if (created.generated) note(`Generated a new master key ${created.key.id} in ${path} (mode 0600).`);
  return created.key;
}
