import { serviceDataSourceOptions } from '@switchboard/platform';
import { createTestDatabase, waitUntil, type TestDatabase } from '@switchboard/testing';
import { DataSource } from 'typeorm';
import { actionExecutorDatabase } from '../../src/database/action-executor.database.js';
import { LeaseBusyError, RefreshLease } from '../../src/runs/oauth/refresh-lease.js';

// Two data sources stand for two executor replicas on the one database they share.
describe('RefreshLease against PostgreSQL', () => {
  let database: TestDatabase;
  let replicas: DataSource[];

  beforeAll(async () => {
    database = await createTestDatabase();
    const options = serviceDataSourceOptions(database.url, actionExecutorDatabase);
    replicas = await Promise.all([new DataSource(options).initialize(), new DataSource(options).initialize()]);
  });

  afterAll(async () => {
    await Promise.all((replicas ?? []).map((replica) => replica.destroy()));
    await database?.drop();
  });

  it('lets one replica in at a time, the second once the first is done', async () => {
    const [first, second] = replicas.map((replica) => new RefreshLease(replica));
    const order: string[] = [];
    let releaseFirst = (): void => undefined;
    const firstDone = first.hold('oauth2-refresh|ws_1|CRM_REFRESH', 5000, async () => {
      order.push('first in');
      await new Promise<void>((resolve) => (releaseFirst = resolve));
      order.push('first out');
    });
    await waitUntil(() => Promise.resolve(order.includes('first in')), { what: 'the first holder to be in', timeoutMs: 5000, intervalMs: 5 });
    const secondDone = second.hold('oauth2-refresh|ws_1|CRM_REFRESH', 5000, () => Promise.resolve(order.push('second in')));
    // Another name is not held: its holder goes in at once.
    await second.hold('oauth2-refresh|ws_2|CRM_REFRESH', 5000, () => Promise.resolve(order.push('other in')));
    releaseFirst();
    await Promise.all([firstDone, secondDone]);
    expect(order).toEqual(['first in', 'other in', 'first out', 'second in']);
  });

  it('gives up with LeaseBusyError after the wait, and passes the work’s own failure through', async () => {
    const [first, second] = replicas.map((replica) => new RefreshLease(replica));
    let releaseFirst = (): void => undefined;
    let entered = false;
    const firstDone = first.hold('busy', 5000, async () => {
      entered = true;
      await new Promise<void>((resolve) => (releaseFirst = resolve));
    });
    await waitUntil(() => Promise.resolve(entered), { what: 'the first holder to be in', timeoutMs: 5000, intervalMs: 5 });
    await expect(second.hold('busy', 100, () => Promise.resolve('never'))).rejects.toThrow(LeaseBusyError);
    releaseFirst();
    await firstDone;
    await expect(second.hold('busy', 100, () => Promise.reject(new Error('token endpoint refused')))).rejects.toThrow('token endpoint refused');
  });
});

