import { schemaDriftOf } from '@switchboard/testing';
import { connectionDatabase } from '../../src/database/connection.database.js';

describe('connection schema', () => {
  it('is what its entities describe once the migrations have run', async () => {
    expect(await schemaDriftOf(connectionDatabase)).toEqual([]);
  });
});
