import { Role } from '@switchboard/contracts';
import type { Repository } from 'typeorm';
import type { ApiKeyEntity } from '../keys/api-key.entity.js';
import type { UserEntity } from '../workspaces/user.entity.js';
import { AccessCache } from './access-cache.js';

// The cache's own rules, on repositories that count their reads; the real reads are covered by the e2e auth specs.
function table<T>(rows: Record<string, T>, column: string): { repository: Repository<never>; reads: string[] } {
  const reads: string[] = [];
  const repository = {
    find: ({ where }: { where: Record<string, string> }) => {
      const value = where[column] ?? '';
      reads.push(value);
      const row = rows[value];
      return Promise.resolve(row ? [row] : []);
    },
  } as unknown as Repository<never>;
  return { repository, reads };
}

const key = { id: 'key_1', userId: 'usr_ada', workspaceId: 'ws_1', expiresAt: null } as unknown as ApiKeyEntity;
const member = { id: 'usr_ada', workspaceId: 'ws_1', role: Role.Developer } as unknown as UserEntity;

function cacheOf(keys: Record<string, ApiKeyEntity>, members: Record<string, UserEntity>) {
  const keyTable = table(keys, 'keyHash');
  const memberTable = table(members, 'id');
  return { cache: new AccessCache(keyTable.repository, memberTable.repository, 60_000), keyReads: keyTable.reads, memberReads: memberTable.reads };
}

describe('AccessCache', () => {
  it('reads a key once for requests arriving together, then answers from memory', async () => {
    const { cache, keyReads } = cacheOf({ hash_1: key }, {});
    const found = await Promise.all([cache.key('hash_1'), cache.key('hash_1'), cache.key('hash_1')]);
    await cache.key('hash_1');
    expect(found.map((entry) => entry?.keyId)).toEqual(['key_1', 'key_1', 'key_1']);
    expect(keyReads).toEqual(['hash_1']);
  });

  it('keeps no unknown key or member, so made-up values fill nothing', async () => {
    const { cache, keyReads, memberReads } = cacheOf({}, {});
    expect([await cache.key('nope'), await cache.key('nope'), await cache.member('usr_x'), await cache.member('usr_x')]).toEqual([undefined, undefined, undefined, undefined]);
    expect([keyReads, memberReads]).toEqual([['nope', 'nope'], ['usr_x', 'usr_x']]);
  });

  it('answers requests waiting on a read that a clear dropped, and reads again for the next one', async () => {
    const { cache, keyReads } = cacheOf({ hash_1: key }, {});
    const waiting = cache.key('hash_1');
    cache.clear();
    expect((await waiting)?.keyId).toBe('key_1');
    await cache.key('hash_1');
    expect(keyReads).toEqual(['hash_1', 'hash_1']);
  });

  it('drops a key by its id, and a member with every key of theirs', async () => {
    const { cache, keyReads, memberReads } = cacheOf({ hash_1: key }, { usr_ada: member });
    await Promise.all([cache.key('hash_1'), cache.member('usr_ada')]);
    cache.dropKey('key_1');
    await cache.key('hash_1');
    cache.dropMember('usr_ada');
    await Promise.all([cache.key('hash_1'), cache.member('usr_ada')]);
    expect([keyReads.length, memberReads.length]).toEqual([3, 2]);
  });
});
