import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { choosePort, findFreePort, isPortFree } from './free-port.js';

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

describe('free ports', () => {
  it('findFreePort returns a port that can be listened on', async () => {
    const port = await findFreePort();
    const server = await listen(port);
    await close(server);
  });

  it('findFreePort keeps below the ephemeral range, where no outbound connection can take the port before it is bound, and never hands one out twice', async () => {
    const range = '/proc/sys/net/ipv4/ip_local_port_range';
    const ephemeralLow = existsSync(range) ? Number(readFileSync(range, 'utf8').trim().split(/\s+/)[0]) : 32_768;
    const ports = await Promise.all(Array.from({ length: 20 }, () => findFreePort()));
    // A kernel whose ephemeral range starts too low leaves no room below it; then any free port is the documented answer.
    if (ephemeralLow > 20_064) for (const port of ports) expect(port).toBeLessThan(ephemeralLow);
    expect(new Set(ports).size).toBe(ports.length);
  });

  it('isPortFree says no for a port something listens on, and yes once it is released', async () => {
    const server = await listen(0);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await expect(isPortFree(port)).resolves.toBe(false);
    await close(server);
    await expect(isPortFree(port)).resolves.toBe(true);
  });

  it('choosePort keeps the preferred port when it is free and picks another when it is taken', async () => {
    const preferred = await findFreePort();
    await expect(choosePort(preferred)).resolves.toBe(preferred);
    const server = await listen(preferred);
    const other = await choosePort(preferred);
    await close(server);
    expect(other).not.toBe(preferred);
    expect(other).toBeGreaterThan(0);
  });
});
