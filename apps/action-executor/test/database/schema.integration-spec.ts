import { schemaDriftOf } from '@switchboard/testing';
import { actionExecutorDatabase } from '../../src/database/action-executor.database.js';

describe('action-executor schema', () => {
  it('is what its entities describe once the migrations have run', async () => {
    expect(await schemaDriftOf(actionExecutorDatabase)).toEqual([]);
  });
});
