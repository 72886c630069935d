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
