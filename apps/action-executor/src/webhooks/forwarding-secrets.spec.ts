import { signingSecretsOf } from './forwarding-secrets.js';

describe('signingSecretsOf', () => {
  const now = new Date('2026-12-02T12:00:00.000Z');
  const view = { secret: 'whsec_new', created_at: '2026-12-02T11:00:00.000Z' };

  it('signs with the current secret only when nothing was rotated', () => {
    expect(signingSecretsOf({ ...view, previous: null }, now)).toEqual(['whsec_new']);
  });

  it('signs with the current and the replaced secret until the overlap ends, then with the current only', () => {
    const previous = { secret: 'whsec_old', expires_at: '2026-12-02T12:00:01.000Z' };
    expect(signingSecretsOf({ ...view, previous }, now)).toEqual(['whsec_new', 'whsec_old']);
    expect(signingSecretsOf({ ...view, previous }, new Date('2026-12-02T12:00:01.000Z'))).toEqual(['whsec_new']);
  });
});
