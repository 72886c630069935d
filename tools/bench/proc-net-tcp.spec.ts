import { describe, expect, it } from '@jest/globals';
import { parseProcNetTcp } from './proc-net-tcp.js';

const SAMPLE = [
  '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
  '   0: 0100007F:9C40 0100007F:1F90 01 00000000:00000000 00:00000000 00000000     0        0 123456 1 0000000000000000 20 4 30 10 -1',
  '   1: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 777 1 0000000000000000 100 0 0 10 0',
  '',
].join('\n');

const SAMPLE_V6 = [
  '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
  '   0: 0000000000000000FFFF00000100007F:A000 0000000000000000FFFF00000100007F:1F90 01 00000000:00000000 00:00000000 00000000     0        0 999 1 0000000000000000 20 4 30 10 -1',
].join('\n');

describe('parseProcNetTcp', () => {
  it('reads the local and remote ports and the inode of every socket, skipping the header', () => {
    expect(parseProcNetTcp(SAMPLE)).toEqual([
      { localPort: 40000, remotePort: 8080, inode: '123456' },
      { localPort: 22, remotePort: 0, inode: '777' },
    ]);
  });

  it('reads IPv6 rows the same way', () => {
    expect(parseProcNetTcp(SAMPLE_V6)).toEqual([{ localPort: 40960, remotePort: 8080, inode: '999' }]);
  });
});
