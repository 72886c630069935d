import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { AuthorizationError, connect, PermissionViolationError } from '@nats-io/transport-node';
import { ensureNats } from './ensure-nats.js';
import { findFreePort } from './free-port.js';
import { natsAnswers } from './nats-probe.js';
import { createTempDataDir } from './temp-dir.js';

const log = { info: () => undefined, warn: () => undefined };

describe('ensureNats', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await createTempDataDir('ensure-nats-spec-');
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts a nats-server with JetStream that accepts connections, and stop() ends it and removes ephemeral data', async () => {
    const nats = await ensureNats({ dataDir, ephemeral: true, log });
    try {
      expect(nats.startedByUs).toBe(true);
      const connection = await connect({ servers: nats.url });
      const account = await (await jetstreamManager(connection)).getAccountInfo();
      await connection.close();
      expect(account.limits).toBeDefined();
      expect(existsSync(join(dataDir, 'nats'))).toBe(true);
    } finally {
      await nats.stop();
    }
    await expect(natsAnswers(nats.url)).resolves.toBe(false);
    expect(existsSync(join(dataDir, 'nats'))).toBe(false);
  });

  it('starts with the given users only, each with its own password and permissions, and keeps no password on disk', async () => {
    const nats = await ensureNats({ dataDir, ephemeral: true, log, users: { asker: { publish: ['questions.>'], subscribe: ['_INBOX.>'] } } });
    try {
      const asker = nats.credentials?.asker;
      expect(asker?.password).toMatch(/^[\w-]{43}$/);
      expect(existsSync(join(dataDir, 'nats-server.conf'))).toBe(false);
      await expect(connect({ servers: nats.url, reconnect: false })).rejects.toBeInstanceOf(AuthorizationError);
      const connection = await connect({ servers: nats.url, user: asker?.user, pass: asker?.password, reconnect: false });
      const refused = connection.subscribe('questions.>');
      await expect(refused.closed).resolves.toBeInstanceOf(PermissionViolationError);
      await connection.close();
    } finally {
      await nats.stop();
    }
  });

  it('reuses the NATS at the given URL when it answers, and leaves it running at stop()', async () => {
    const existing = process.env.NATS_URL ?? '';
    const nats = await ensureNats({ url: existing, dataDir, log });
    expect(nats).toMatchObject({ url: existing, startedByUs: false });
    await nats.stop();
    await expect(natsAnswers(existing)).resolves.toBe(true);
  });

  it('starts its own server on the preferred port when the given URL does not answer', async () => {
    const [deadPort, preferred] = [await findFreePort(), await findFreePort()];
    const nats = await ensureNats({ url: `nats://127.0.0.1:${deadPort}`, port: preferred, dataDir, ephemeral: true, log });
    try {
      expect(nats).toMatchObject({ url: `nats://127.0.0.1:${preferred}`, startedByUs: true });
      await expect(natsAnswers(nats.url)).resolves.toBe(true);
    } finally {
      await nats.stop();
    }
  });
});
