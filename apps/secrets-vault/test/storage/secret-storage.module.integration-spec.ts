import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Global, Module, type LoggerService } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { Test, type TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigModule, DomainError, loadConfig, ReadinessChecks, serviceDataSourceOptions } from '@switchboard/platform';
import { rejectionOf, startVaultKv2StandIn, type VaultForTests } from '@switchboard/testing';
import { ErrorCode } from '@switchboard/contracts';
import { EmbeddedSecretValueStore } from '../../src/storage/embedded/embedded-secret-value-store.js';
import { MasterKey } from '../../src/storage/embedded/master-key.js';
import { SecretStorageConfig } from '../../src/storage/secret-storage.config.js';
import { SecretStorageModule } from '../../src/storage/secret-storage.module.js';
import { SECRET_VALUE_STORE, type SecretValueStore } from '../../src/storage/secret-value-store.js';
import { startEmbeddedStorage, storageDatabase, type EmbeddedStorage } from './embedded-storage.fixture.js';

/** Collects what the module logs, by level. */
function recordingLogger(): LoggerService & { lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  // Nest's logger takes (message) or, as pino does, (context, message): both are kept as text.
  const record = (level: string) => (message: unknown, ...rest: unknown[]) =>
    void lines.push({ level, message: [message, ...rest].map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' ') });
  return { lines, log: record('log'), warn: record('warn'), error: record('error'), debug: record('debug'), verbose: record('verbose'), fatal: record('fatal') };
}

// The service's ReadinessChecks without the NATS and database checks ReadinessModule adds: only what this module registers.
@Global()
@Module({ imports: [TerminusModule], providers: [ReadinessChecks], exports: [ReadinessChecks] })
class ReadinessChecksOnly {}

describe('SecretStorageModule', () => {
  let dir: string;
  let storage: EmbeddedStorage;
  let modules: TestingModule[] = [];

  async function compile(env: Record<string, string>, logger = recordingLogger()): Promise<{ store: SecretValueStore; logger: typeof logger; readiness: ReadinessChecks }> {
    const module = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot(serviceDataSourceOptions(storage.url, storageDatabase)),
        ConfigModule.forRoot([loadConfig(SecretStorageConfig, env)]),
        ReadinessChecksOnly,
        SecretStorageModule,
      ],
    })
      .setLogger(logger)
      .compile();
    modules.push(module);
    return { store: module.get<SecretValueStore>(SECRET_VALUE_STORE), logger, readiness: module.get(ReadinessChecks) };
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'secret-storage-module-'));
    storage = await startEmbeddedStorage();
  });

  afterEach(async () => {
    await Promise.all(modules.map((module) => module.close()));
    modules = [];
  });

  afterAll(async () => {
    await storage?.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  it('provides the embedded store by default, generating a 0600 key file and warning about it once', async () => {
    const keyFile = join(dir, 'generated', 'master.key');
    const { store, logger } = await compile({ SWITCHBOARD_MASTER_KEY_FILE: keyFile });
    expect(store).toBeInstanceOf(EmbeddedSecretValueStore);
    expect(store.backend).toBe('embedded');
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const warnings = logger.lines.filter((line) => line.level === 'warn');
    expect(warnings).toEqual([{ level: 'warn', message: expect.stringContaining(`Generated a new master key at ${keyFile}`) as string }]);

    const address = { workspaceId: 'ws_module', valueId: randomUUID() };
    await store.write(address, 'through the module');
    await expect(store.read(address)).resolves.toBe('through the module');
  });

  it('logs an error at start when stored values are wrapped under another master key', async () => {
    const other = MasterKey.generate();
    const { logger } = await compile({ SWITCHBOARD_MASTER_KEY: other.toBase64() });
    const errors = logger.lines.filter((line) => line.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(new RegExp(`wrapped under master key [0-9a-f]{16}, not the loaded ${other.id}`));
  });

  describe('with VAULT_ADDR and VAULT_TOKEN', () => {
    let vault: VaultForTests;

    beforeAll(async () => {
      vault = await startVaultKv2StandIn();
    });

    afterAll(async () => {
      await vault?.stop();
    });

    it('provides the Vault store, under the configured mount and prefix', async () => {
      const { store, logger } = await compile({ VAULT_ADDR: vault.url, VAULT_TOKEN: vault.token, VAULT_PATH_PREFIX: 'apps/switchboard', SWITCHBOARD_MASTER_KEY_FILE: join(dir, 'unused.key') });
      expect(store.backend).toBe('vault');
      const address = { workspaceId: 'ws_module', valueId: randomUUID() };
      await store.write(address, 'in vault');
      await expect(store.read(address)).resolves.toBe('in vault');
      expect(vault.requests[0]?.path).toBe(`/v1/secret/data/apps/switchboard/ws_module/${address.valueId}`);
      await expect(stat(join(dir, 'unused.key'))).rejects.toThrow(/ENOENT/);
      expect(JSON.stringify(logger.lines)).not.toContain(vault.token);
    });

    it('makes the service ready only while Vault answers', async () => {
      const own = await startVaultKv2StandIn();
      const { readiness } = await compile({ VAULT_ADDR: own.url, VAULT_TOKEN: own.token, SWITCHBOARD_MASTER_KEY_FILE: join(dir, 'unused.key') });
      await expect(readiness.evaluate()).resolves.toEqual({ status: 'ok', checks: { vault: { status: 'up' } } });
      await own.stop();
      await expect(readiness.evaluate()).resolves.toEqual({ status: 'error', checks: { vault: { status: 'down' } } });
    });

    it('answers 503 secret_storage_unavailable while Vault is down, warning once a second with its address and no token', async () => {
      const own = await startVaultKv2StandIn();
      const { store, logger } = await compile({ VAULT_ADDR: own.url, VAULT_TOKEN: own.token, SWITCHBOARD_MASTER_KEY_FILE: join(dir, 'unused.key') });
      await own.stop();
      const address = { workspaceId: 'ws_module', valueId: randomUUID() };
      for (const attempt of [store.write(address, 'lost?'), store.read(address), store.destroy(address)]) {
        const error = await rejectionOf(attempt, DomainError);
        expect([error.code, error.message]).toEqual([ErrorCode.SecretStorageUnavailable, 'The secret store (Vault) cannot be used right now: try again shortly']);
      }
      const warnings = logger.lines.filter((line) => line.level === 'warn');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.message).toContain('the secret store cannot be used; answered secret_storage_unavailable');
      expect(warnings[0]?.message).toContain(`Vault at ${own.url} is unreachable`);
      expect(JSON.stringify(logger.lines)).not.toContain(own.token);
    });
  });

  it('adds no Vault check with the embedded store', async () => {
    const { readiness } = await compile({ SWITCHBOARD_MASTER_KEY: MasterKey.generate().toBase64() });
    await expect(readiness.evaluate()).resolves.toEqual({ status: 'ok', checks: {} });
  });
});
