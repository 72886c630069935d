import { fileURLToPath } from 'node:url';
import { startService } from './start-service.js';

const standInMicroservice = fileURLToPath(new URL('./stand-ins/stand-in-microservice.ts', import.meta.url));
const standInGateway = fileURLToPath(new URL('./stand-ins/stand-in-gateway.ts', import.meta.url));

describe('startService', () => {
  it('resolves once the service answers its NATS health subject, keeps its log lines, and stop() ends it', async () => {
    const service = await startService('catalog', { entryPoint: standInMicroservice });
    try {
      await expect(service.waitForLog('stand-in listening on catalog.health.check')).resolves.toContain('"level":30');
      expect(service.exitStatus()).toBeUndefined();
    } finally {
      await service.stop();
    }
    expect(service.exitStatus()).toEqual({ code: 0, signal: null });
    expect(service.logs.at(-1)).toContain('stand-in stopping');
  });

  it('fails with the exit status and the log tail when the service exits before it is healthy', async () => {
    await expect(startService('connection', { entryPoint: standInMicroservice, env: { STAND_IN_BEHAVIOUR: 'crash' } })).rejects.toThrow(
      /connection did not become healthy: the process exited with code 3[\s\S]*DATABASE_URL points nowhere/,
    );
  });

  it('fails after the timeout when the service answers but reports itself unhealthy', async () => {
    await expect(startService('secrets-vault', { entryPoint: standInMicroservice, env: { STAND_IN_BEHAVIOUR: 'unhealthy' }, timeoutMs: 3_000 })).rejects.toThrow(
      /secrets-vault did not become healthy: Timed out after 3000 ms/,
    );
  });

  it('waits for the replica it started, not for a sibling that answers the same health subject', async () => {
    const first = await startService('catalog', { entryPoint: standInMicroservice });
    try {
      await expect(startService('catalog', { entryPoint: standInMicroservice, env: { STAND_IN_BEHAVIOUR: 'unhealthy' }, timeoutMs: 3_000 })).rejects.toThrow(
        /catalog did not become healthy: Timed out after 3000 ms[\s\S]*\/health\/ready/,
      );
    } finally {
      await first.stop();
    }
  });

  it('kill() ends the service with SIGKILL, as a crash would', async () => {
    const service = await startService('action-executor', { entryPoint: standInMicroservice });
    await expect(service.kill()).resolves.toEqual({ code: null, signal: 'SIGKILL' });
  });

  it('starts the gateway on a free port and resolves once GET /health answers', async () => {
    const gateway = await startService('gateway', { entryPoint: standInGateway });
    try {
      expect(gateway.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${gateway.url}/health`);
      expect(response.status).toBe(200);
    } finally {
      await gateway.stop();
    }
  });
});
