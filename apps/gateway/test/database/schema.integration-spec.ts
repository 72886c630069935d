import { schemaDriftOf } from '@switchboard/testing';
import { gatewayDatabase } from '../../src/database/gateway.database.js';

describe('gateway schema', () => {
  it('is what its entities describe once the migrations have run', async () => {
    expect(await schemaDriftOf(gatewayDatabase)).toEqual([]);
  });
});
