import { schemaDriftOf } from '@switchboard/testing';
import { catalogDatabase } from '../../src/database/catalog.database.js';

describe('catalog schema', () => {
  it('is what its entities describe once the migrations have run', async () => {
    expect(await schemaDriftOf(catalogDatabase)).toEqual([]);
  });
});
