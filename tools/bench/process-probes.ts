// Linux /proc readings about the processes the bench started: memory, and which process owns which TCP connection.
import { readFile, readdir, readlink } from 'node:fs/promises';
import { cpus } from 'node:os';
import { inspect } from 'node:util';
import { parseProcNetTcp } from './proc-net-tcp.js';

const MIB = 1024 * 1024;

/** Resident set size of `pid` in MiB (VmRSS of /proc/<pid>/status). */
export async function residentMemoryMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match?.[1]) throw new Error(`/proc/${pid}/status has no VmRSS line`);
  return (Number(match[1]) * 1024) / MIB;
}

/** Local ports of the TCP connections `pid` holds to `remotePort` (the process's socket inodes matched against /proc/<pid>/net/tcp{,6}). */
export async function localPortsConnectedTo(pid: number, remotePort: number): Promise<number[]> {
  const inodes = new Set<string>();
  for (const fd of await readdir(`/proc/${pid}/fd`)) {
    // An fd can close between readdir and readlink; that socket is simply not one of ours any more.
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode) inodes.add(inode);
  }
  const tables = await Promise.all(['tcp', 'tcp6'].map((table) => readFile(`/proc/${pid}/net/${table}`, 'utf8')));
  return tables
    .flatMap(parseProcNetTcp)
    .filter((row) => row.remotePort === remotePort && inodes.has(row.inode))
    .map((row) => row.localPort);
}

/** Polls `probe` every `intervalMs` until stopped; a failed probe stops the sampler and is rethrown by stop(). */
export function startSampler(probe: () => Promise<void>, intervalMs: number): { stop(): Promise<void> } {
  let stopped = false;
  let failure: Error | undefined;
  const loop = (async () => {
    while (!stopped) {
      try {
        await probe();
      } catch (error) {
        failure = error instanceof Error ? error : new Error(inspect(error));
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      if (failure !== undefined) throw failure;
    },
  };
}

/** Samples `pid`'s VmRSS while running; stop() resolves with the peak in MiB. */
export function startPeakMemorySampler(pid: number, intervalMs = 200): { stop(): Promise<number> } {
  let peak = 0;
  const sampler = startSampler(async () => {
    peak = Math.max(peak, await residentMemoryMiB(pid));
  }, intervalMs);
  return {
    async stop() {
      await sampler.stop();
      return peak;
    },
  };
}

/**
 * Remembers, while running, which process owns each local port connected to `remotePort`, so that requests an upstream
 * counted by client port can be attributed to the process that sent them. Polling keeps up with new connections;
 * a connection opened and closed between two polls stays unattributed (reported as such).
 */
export function startConnectionOwnerSampler(processes: readonly { name: string; pid: number }[], remotePort: number, intervalMs = 200) {
  const owners = new Map<number, string>();
  const sampler = startSampler(async () => {
    for (const { name, pid } of processes) {
      for (const port of await localPortsConnectedTo(pid, remotePort)) owners.set(port, name);
    }
  }, intervalMs);
  return {
    /** Stops polling (after one last poll) and returns local port → process name. */
    async stop(): Promise<Map<number, string>> {
      await sampler.stop();
      for (const { name, pid } of processes) {
        for (const port of await localPortsConnectedTo(pid, remotePort)) owners.set(port, name);
      }
      return owners;
    },
  };
}

// Linux reports process and machine CPU times in clock ticks of USER_HZ, which is 100 on every mainstream kernel build.
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) `pid` has used so far, from /proc/<pid>/stat. */
export async function processCpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The command name can hold spaces and parentheses: the fields of interest follow its last ')'; utime, stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** CPU seconds the whole machine spent busy (all but idle and iowait) and in total so far, from /proc/stat. */
export async function machineCpuSeconds(): Promise<{ busy: number; total: number }> {
  const firstLine = (await readFile('/proc/stat', 'utf8')).split('\n')[0] ?? '';
  const ticks = firstLine.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = ticks.reduce((sum, value) => sum + value, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busy: (total - idle) / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND };
}

/** CPU use during a window, in % of one CPU per process and for the whole machine (100 % × CPUs when saturated). */
export interface CpuUse {
  machinePercent: number;
  machineCapacityPercent: number;
  byProcess: { name: string; percent: number }[];
}

/** Snapshots CPU times now; stop() returns the use since then. Processes that exit in between are left out. */
export async function startCpuMeter(processes: readonly { name: string; pid: number }[]): Promise<{ stop(): Promise<CpuUse> }> {
  const cpuCount = cpus().length; // /proc/stat's first line adds up every online CPU
  // A process that exits during the window has no reading: NaN leaves it out of the result instead of failing the bench.
  const readProcess = ({ name, pid }: { name: string; pid: number }) => processCpuSeconds(pid).then((seconds) => ({ name, seconds }), () => ({ name, seconds: Number.NaN }));
  const snapshot = async () => ({ machine: await machineCpuSeconds(), processes: await Promise.all(processes.map(readProcess)) });
  const before = await snapshot();
  return {
    async stop() {
      const after = await snapshot();
      const wallSeconds = (after.machine.total - before.machine.total) / cpuCount;
      return {
        machinePercent: (100 * (after.machine.busy - before.machine.busy)) / wallSeconds,
        machineCapacityPercent: 100 * cpuCount,
        byProcess: after.processes
          .map(({ name, seconds }, index) => ({ name, percent: (100 * (seconds - (before.processes[index]?.seconds ?? Number.NaN))) / wallSeconds }))
          .filter((entry) => Number.isFinite(entry.percent))
          .sort((a, b) => b.percent - a.percent),
      };
    },
  };
}
