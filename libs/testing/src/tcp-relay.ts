import { createConnection, createServer, type AddressInfo, type Socket } from 'node:net';

/** A TCP relay in front of a server (NATS, usually), which a test cuts to take one process off it while the others stay. */
export interface TcpRelay {
  /** The target's URL with the relay's address in it, e.g. nats://127.0.0.1:41234. */
  readonly url: string;
  /** Drops every relayed connection at once and refuses new ones until {@link restore}. */
  cut(): void;
  /** Relays new connections again. */
  restore(): void;
  /** Drops every connection and stops listening. */
  close(): Promise<void>;
}

/** Starts a relay to `targetUrl` (any URL naming a TCP host and port) on a free port of 127.0.0.1. */
export async function startTcpRelay(targetUrl: string): Promise<TcpRelay> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  let isCut = false;
  const server = createServer((client) => {
    if (isCut) {
      client.destroy();
      return;
    }
    const upstream = createConnection({ host: target.hostname, port: Number(target.port) });
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      sockets.add(from);
      // Either side failing or closing ends the pair, as a dropped network path would.
      from.on('error', () => to.destroy());
      from.on('close', () => {
        sockets.delete(from);
        to.destroy();
      });
      from.pipe(to);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const dropAll = (): void => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    url: `${target.protocol}//127.0.0.1:${(server.address() as AddressInfo).port}`,
    cut: () => {
      isCut = true;
      dropAll();
    },
    restore: () => {
      isCut = false;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        dropAll();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
