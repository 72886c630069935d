import { schemaDriftOf } from '@switchboard/testing';
import { secretsVaultDatabase } from '../../src/database/secrets-vault.database.js';

describe('secrets-vault schema', () => {
  it('is what its entities describe once the migrations have run', async () => {
    expect(await schemaDriftOf(secretsVaultDatabase)).toEqual([]);
  });
});
