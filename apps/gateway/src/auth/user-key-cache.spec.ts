import type { Repository } from 'typeorm';
import type { UserEntity } from '../workspaces/user.entity.js';
import { UserKeyCache } from './user-key-cache.js';

// The cache's own rules, on a repository that counts its reads; the real reads are covered by the e2e auth specs.
function usersTable(rows: Record<string, { workspaceId: string; keyHash: string }>): { repository: Repository<UserEntity>; reads: string[] } {
  const reads: string[] = [];
  const repository = {
    findOne: ({ where }: { where: { id: string } }) => {
      reads.push(where.id);
      const row = rows[where.id];
      return Promise.resolve(row ? ({ id: where.id, ...row } as unknown as UserEntity) : null);
    },
  } as unknown as Repository<UserEntity>;
  return { repository, reads };
}

describe('UserKeyCache', () => {
  const ada = { workspaceId: 'ws_1', keyHash: 'hash-1' };

  it('reads a user once for requests arriving together, then answers from memory', async () => {
    const { repository, reads } = usersTable({ usr_ada: ada });
    const cache = new UserKeyCache(repository, 60_000);

    const found = await Promise.all([cache.lookup('usr_ada'), cache.lookup('usr_ada'), cache.lookup('usr_ada')]);
    await cache.lookup('usr_ada');

    expect(found).toEqual([ada, ada, ada]);
    expect(reads).toEqual(['usr_ada']);
  });

  it('keeps no unknown user, so each try reads again and made-up ids fill nothing', async () => {
    const { repository, reads } = usersTable({});
    const cache = new UserKeyCache(repository, 60_000);

    expect(await cache.lookup('usr_nobody')).toBeUndefined();
    expect(await cache.lookup('usr_nobody')).toBeUndefined();
    expect(reads).toEqual(['usr_nobody', 'usr_nobody']);
  });
});
