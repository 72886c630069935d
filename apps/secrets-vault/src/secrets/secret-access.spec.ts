import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { thrownBy } from '@switchboard/testing';
import { assertSecretUsable, type SecretUse } from './secret-access.js';
import { SecretEntity } from './secret.entity.js';

const now = new Date('2030-01-01T00:00:00Z');

function secret(fields: Partial<SecretEntity>): SecretEntity {
  return Object.assign(new SecretEntity(), { key: 'KEY', scope: [], envs: [], expiresAt: null, ...fields });
}

const run: SecretUse = { appTag: 'stripe', accessTag: 'payment_app', env: 'prd' };
const outsideAnyEnv: SecretUse = { appTag: 'integrations.fetch', accessTag: 'integrations.fetch', env: null };

describe('assertSecretUsable', () => {
  it('lets an unrestricted, unexpired secret through for a run and for a use outside any env', () => {
    expect(() => assertSecretUsable(secret({}), run, now)).not.toThrow();
    expect(() => assertSecretUsable(secret({ expiresAt: new Date('2030-06-01T00:00:00Z') }), outsideAnyEnv, now)).not.toThrow();
  });

  it('lets a run through in one of the secret’s envs and refuses it in another', () => {
    expect(() => assertSecretUsable(secret({ envs: ['prd'] }), run, now)).not.toThrow();
    const error = thrownBy(() => assertSecretUsable(secret({ envs: ['prd'] }), { ...run, env: 'dev' }, now), DomainError);
    expect([error.code, error.message]).toEqual([ErrorCode.SecretNotInEnv, "Secret 'KEY' is not available in environment 'dev'"]);
  });

  it('refuses an env-limited secret to a use outside any env', () => {
    const error = thrownBy(() => assertSecretUsable(secret({ envs: ['prd', 'stg'] }), outsideAnyEnv, now), DomainError);
    expect([error.code, error.message]).toEqual([ErrorCode.SecretNotInEnv, "Secret 'KEY' is not available outside its environments (prd, stg)"]);
  });

  it('checks scope before env and env before expiry, as the seed orders them', () => {
    const everything = secret({ scope: ['payment_app'], envs: ['prd'], expiresAt: new Date('2000-01-01T00:00:00Z') });
    const scope = thrownBy(() => assertSecretUsable(everything, outsideAnyEnv, now), DomainError);
    expect([scope.code, scope.message]).toEqual([ErrorCode.SecretNotInScope, "Secret 'KEY' is not accessible by app 'integrations.fetch'"]);
    const expired = thrownBy(() => assertSecretUsable(everything, run, now), DomainError);
    expect([expired.code, expired.message]).toEqual([ErrorCode.SecretExpired, "Secret 'KEY' has expired"]);
  });
});
