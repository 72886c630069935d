import { readFileSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import { createServer } from 'node:net';
import getPort from 'get-port';

/** Below the well-known defaults our own processes take (3000, 4222, 5432, 8200, 8222, 9090, …). */
const LOWEST_CHOSEN_PORT = 20_000;
/** Linux's default; read from the kernel where it can be. */
const DEFAULT_EPHEMERAL_LOW = 32_768;
const CANDIDATES_PER_CALL = 64;

/**
 * Asks for a TCP port that is free on every local address right now, for a process started next to bind.
 *
 * It comes from below the kernel's ephemeral range: a port from that range can be taken as the local end of any outbound
 * connection in the seconds between this check and the bind, and the bind then fails with EADDRINUSE. Candidates are
 * random, so that processes choosing at the same moment rarely try the same one, and get-port keeps a port it handed out
 * from being handed out again by this process for a while.
 */
export function findFreePort(): Promise<number> {
  return getPort({ port: randomCandidates() });
}

/** Tells whether `port` can be bound on 127.0.0.1 right now. */
export async function isPortFree(port: number): Promise<boolean> {
  return (await listenOnce(port)) !== undefined;
}

/** Returns `preferred` when it is free, else any free port (always a free one when `preferred` is undefined). */
export async function choosePort(preferred?: number): Promise<number> {
  if (preferred !== undefined && (await isPortFree(preferred))) return preferred;
  return findFreePort();
}

function* randomCandidates(): Generator<number> {
  const below = ephemeralRangeLow();
  // A kernel configured with a low ephemeral range leaves no room: get-port then falls back to a port the OS picks.
  if (below - LOWEST_CHOSEN_PORT < CANDIDATES_PER_CALL) return;
  for (let tried = 0; tried < CANDIDATES_PER_CALL; tried += 1) yield randomInt(LOWEST_CHOSEN_PORT, below);
}

function ephemeralRangeLow(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > 0 ? low : DEFAULT_EPHEMERAL_LOW;
  } catch {
    return DEFAULT_EPHEMERAL_LOW;
  }
}

function listenOnce(port: number): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(undefined);
      else reject(error);
    });
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address !== null ? address.port : undefined;
      server.close(() => resolve(bound));
    });
  });
}
