import { lookup as dnsLookup } from 'node:dns/promises';
import { parseIpLiteral, type ResolvedAddress } from './ip-literal.js';
import { unreachable } from './upstream-failure.js';

/** Resolves a hostname to every address it has; injectable so tests can point names anywhere. */
export type HostLookup = (hostname: string) => Promise<ReadonlyArray<{ address: string; family: number }>>;

/** The operating system's resolver, the same one `net.connect` would have used. */
export const systemLookup: HostLookup = (hostname) => dnsLookup(hostname, { all: true });

/**
 * Resolves the host of `url` once: an IP literal is its own answer, a name goes to `lookup`. The answer is what
 * the policy checks and what the connection is pinned to, so it is never resolved a second time.
 * A failed or empty answer is `UpstreamUnreachable`.
 */
export async function resolveHost(url: URL, lookup: HostLookup): Promise<ResolvedAddress[]> {
  const literal = parseIpLiteral(url.hostname);
  if (literal !== undefined) return [literal];
  let answers: ReadonlyArray<{ address: string; family: number }>;
  try {
    answers = await lookup(url.hostname);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw unreachable(url.origin, typeof code === 'string' ? code : 'DNS_LOOKUP_FAILED');
  }
  if (answers.length === 0) throw unreachable(url.origin, 'ENOTFOUND');
  // A resolver may answer in any spelling; the canonical form is what both the policy and the socket see.
  // Something that is not an address at all is kept as given, for the policy to refuse.
  return answers.map(({ address }) => parseIpLiteral(address) ?? { address, family: address.includes(':') ? 6 : 4 });
}
