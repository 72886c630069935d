import { describe, expect, it } from '@jest/globals';
import { splitByReplica } from './replica-split.js';

describe('splitByReplica', () => {
  it('adds up the requests of every port a replica owned and keeps unknown ports apart', () => {
    const owners = new Map([
      [40001, 'executor#1'],
      [40002, 'executor#2'],
      [40003, 'executor#1'],
    ]);
    expect(splitByReplica({ 40001: 10, 40002: 7, 40003: 5, 40004: 2 }, owners, ['executor#1', 'executor#2'])).toEqual({
      byReplica: [
        { name: 'executor#1', requests: 15 },
        { name: 'executor#2', requests: 7 },
      ],
      unattributed: 2,
      total: 24,
    });
  });

  it('lists a replica that served nothing with zero requests', () => {
    expect(splitByReplica({}, new Map(), ['executor#1']).byReplica).toEqual([{ name: 'executor#1', requests: 0 }]);
  });
});
