import { readFile } from 'node:fs/promises';
import { availableParallelism, release, totalmem } from 'node:os';

export interface MachineDescription {
  cpus: number;
  cpuModel: string;
  totalMemoryGiB: number;
  node: string;
  kernel: string;
}

/** The machine the bench ran on: `nproc`, CPU model (/proc/cpuinfo), total memory, node and kernel versions. */
export async function describeMachine(): Promise<MachineDescription> {
  const cpuinfo = await readFile('/proc/cpuinfo', 'utf8');
  const cpuModel = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown (no "model name" in /proc/cpuinfo)';
  return {
    cpus: availableParallelism(),
    cpuModel,
    totalMemoryGiB: totalmem() / 1024 ** 3,
    node: process.version,
    kernel: `Linux ${release()}`,
  };
}
