/** One row of /proc/<pid>/net/tcp or tcp6: a TCP socket's ports and its inode. */
export interface TcpSocketRow {
  localPort: number;
  remotePort: number;
  inode: string;
}

/** Parses the text of /proc/<pid>/net/tcp or tcp6 (addresses are `HEXIP:HEXPORT`, the inode is the tenth column). */
export function parseProcNetTcp(text: string): TcpSocketRow[] {
  const rows: TcpSocketRow[] = [];
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    const [local, remote, inode] = [fields[1], fields[2], fields[9]];
    if (local === undefined || remote === undefined || inode === undefined) continue;
    rows.push({ localPort: hexPort(local), remotePort: hexPort(remote), inode });
  }
  return rows;
}

function hexPort(address: string): number {
  return Number.parseInt(address.slice(address.lastIndexOf(':') + 1), 16);
}
