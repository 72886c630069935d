import { fileURLToPath } from 'node:url';
import { natsAnswers, postgresAnswers } from '@switchboard/local-infra';
import { MICROSERVICE_NAMES, type ServiceName } from './services.js';
import { startPlatform } from './start-platform.js';

const standIn = (file: string): string => fileURLToPath(new URL(`./stand-ins/${file}`, import.meta.url));
const entryPoints: Record<ServiceName, string> = {
  gateway: standIn('stand-in-gateway.ts'),
  ...(Object.fromEntries(MICROSERVICE_NAMES.map((name) => [name, standIn('stand-in-microservice.ts')])) as Record<Exclude<ServiceName, 'gateway'>, string>),
};

describe('startPlatform (with stand-in services)', () => {
  it('starts every service on its own database and NATS, is ready, restarts a service, and stop() cleans everything up', async () => {
    const platform = await startPlatform({ entryPoints });
    let stopped = false;
    try {
      expect((await fetch(`${platform.url}/ready`)).status).toBe(200);
      expect(platform.natsUrl).not.toBe(process.env.NATS_URL);
      expect(new URL(platform.databaseUrl).pathname).toMatch(/^\/switchboard_test_/);
      for (const name of MICROSERVICE_NAMES) expect(platform.services[name].env.DATABASE_URL).toBe(platform.databaseUrl);

      await platform.services.catalog.kill();
      expect((await fetch(`${platform.url}/ready`)).status).toBe(503);
      const restarted = await platform.restartService('catalog');
      expect(platform.services.catalog).toBe(restarted);
      expect((await fetch(`${platform.url}/ready`)).status).toBe(200);

      await platform.stop();
      stopped = true;
      await expect(natsAnswers(platform.natsUrl)).resolves.toBe(false);
      await expect(postgresAnswers(platform.databaseUrl)).resolves.toBe(false);
      for (const service of Object.values(platform.services)) expect(service.exitStatus()).toBeDefined();
    } finally {
      if (!stopped) await platform.stop();
    }
  });
});
