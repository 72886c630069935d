import { Role } from '@switchboard/contracts';
import { actAs, callerRoleHeaders, inCallerFrame, roleRefusal } from './caller-role.js';

describe('caller roles on the bus', () => {
  it('stamps the role only inside a member call, once it is named, and keeps each frame to itself', async () => {
    expect(callerRoleHeaders()).toBeUndefined();
    const seen: (string | undefined)[] = [];
    await new Promise<void>((resolve) =>
      inCallerFrame(() => {
        seen.push(callerRoleHeaders()?.get('switchboard-caller-role'));
        actAs(Role.Viewer);
        inCallerFrame(() => seen.push(callerRoleHeaders()?.get('switchboard-caller-role')));
        void Promise.resolve().then(() => {
          seen.push(callerRoleHeaders()?.get('switchboard-caller-role'));
          resolve();
        });
      }),
    );
    expect(seen).toEqual([undefined, undefined, 'viewer']);
    expect(callerRoleHeaders()).toBeUndefined();
  });

  it('refuses to name a role outside a frame, where it would go unchecked', () => {
    expect(() => actAs(Role.Owner)).toThrow('actAs was called outside a caller frame');
  });

  it.each([
    ['catalog.app.list', undefined, undefined],
    ['catalog.app.list', 'viewer', undefined],
    ['catalog.app.create', 'developer', undefined],
    ['secrets.secret.fetch', 'owner', undefined],
    ['catalog.app.create', 'viewer', 'The viewer role may not catalog.app.create: it needs developer'],
    ['secrets.secret.create', 'developer', 'The developer role may not secrets.secret.create: it needs admin'],
    ['catalog.app.list', 'root', 'The root role may not catalog.app.list: it needs viewer'],
    ['no.such.subject', 'owner', 'The owner role may not no.such.subject: it needs a role that does not exist'],
  ])('%s carried as %s: %s', (subject, role, refusal) => {
    expect(roleRefusal(subject, role)?.message).toBe(refusal);
  });
});
