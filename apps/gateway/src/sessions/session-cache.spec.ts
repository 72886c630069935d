import type { Repository } from 'typeorm';
import { SessionCache } from './session-cache.js';
import type { SessionEntity } from './session.entity.js';

const HOUR_MS = 3_600_000;

// The cache's own rules, on a table that counts its reads and answers every row it holds as live; the real query's
// ended and expired filters are covered by the sessions e2e spec.
function sessionsTable(rows: Record<string, { id: string; expiresAt: Date }>): { repository: Repository<SessionEntity>; reads: string[] } {
  const reads: string[] = [];
  const repository = {
    findOne: ({ where }: { where: { tokenHash: string } }) => {
      reads.push(where.tokenHash);
      const row = rows[where.tokenHash];
      return Promise.resolve(row ? ({ ...row, workspaceId: 'ws_1', userId: 'usr_1', csrfToken: 'csrf', tokenHash: where.tokenHash } as unknown as SessionEntity) : null);
    },
  } as unknown as Repository<SessionEntity>;
  return { repository, reads };
}

describe('SessionCache', () => {
  const live = { id: 'ses_live', expiresAt: new Date(Date.now() + HOUR_MS) };

  it('reads a session once for calls arriving together, then answers from memory', async () => {
    const { repository, reads } = sessionsTable({ hash_live: live });
    const cache = new SessionCache(repository, 60_000);

    const found = await Promise.all([cache.lookup('hash_live'), cache.lookup('hash_live')]);
    await cache.lookup('hash_live');

    expect(found.map((session) => session?.id)).toEqual(['ses_live', 'ses_live']);
    expect(reads).toEqual(['hash_live']);
  });

  it('keeps no unknown token, so made-up cookies fill nothing', async () => {
    const { repository, reads } = sessionsTable({});
    const cache = new SessionCache(repository, 60_000);

    expect(await cache.lookup('hash_nobody')).toBeUndefined();
    expect(await cache.lookup('hash_nobody')).toBeUndefined();
    expect(reads).toEqual(['hash_nobody', 'hash_nobody']);
  });

  it('never answers a session past its expiry, even one it holds', async () => {
    const { repository } = sessionsTable({ hash_old: { id: 'ses_old', expiresAt: new Date(Date.now() - 1) } });
    const cache = new SessionCache(repository, 60_000);

    expect(await cache.lookup('hash_old')).toBeUndefined();
  });

  it('reads a session again once it was dropped by id (a sign-out elsewhere) or by token (a sign-out here)', async () => {
    const { repository, reads } = sessionsTable({ hash_live: live });
    const cache = new SessionCache(repository, 60_000);

    await cache.lookup('hash_live');
    cache.drop('ses_live');
    await cache.lookup('hash_live');
    cache.dropToken('hash_live');
    await cache.lookup('hash_live');
    cache.drop('ses_unknown');
    await cache.lookup('hash_live');

    expect(reads).toEqual(['hash_live', 'hash_live', 'hash_live']);
  });
});
