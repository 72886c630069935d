import { QueryFailedError } from 'typeorm';
import { serializeError } from './error-serializer.js';

describe('serializeError', () => {
  it('keeps what explains a database error and drops the SQL and its parameters', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    const error = new QueryFailedError('INSERT INTO connection.connection_envs (auth) VALUES ($1)', ['{"api_key":"sk_live_123"}'], driverError);
    const serialized = serializeError(error);
    expect(serialized.message).toContain('duplicate key value');
    expect(serialized.type).toBe('QueryFailedError');
    expect(JSON.stringify(serialized)).not.toContain('sk_live_123');
    expect(JSON.stringify(serialized)).not.toContain('INSERT INTO');
  });
});
