import { Role } from '@switchboard/contracts';
import { callerRoleHeaders, callerRoles, roleRefusal } from './caller-role.js';

describe('caller roles on the bus', () => {
  it('stamps the role only inside a member call', () => {
    expect(callerRoleHeaders()).toBeUndefined();
    callerRoles.run(Role.Viewer, () => expect(callerRoleHeaders()?.get('switchboard-caller-role')).toBe('viewer'));
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
