/** How the requests an upstream counted split between the processes that sent them. */
export interface ReplicaSplit {
  /** Requests per process name, in the order the names were given. */
  byReplica: { name: string; requests: number }[];
  /** Requests from client ports no process was seen holding. */
  unattributed: number;
  total: number;
}

/** Attributes per-client-port request counts to the processes that owned those ports. */
export function splitByReplica(requestsByPort: Record<string, number>, portOwners: ReadonlyMap<number, string>, names: readonly string[]): ReplicaSplit {
  const counts = new Map(names.map((name) => [name, 0]));
  let unattributed = 0;
  let total = 0;
  for (const [port, requests] of Object.entries(requestsByPort)) {
    total += requests;
    const owner = portOwners.get(Number(port));
    if (owner !== undefined && counts.has(owner)) counts.set(owner, (counts.get(owner) ?? 0) + requests);
    else unattributed += requests;
  }
  return { byReplica: names.map((name) => ({ name, requests: counts.get(name) ?? 0 })), unattributed, total };
}
