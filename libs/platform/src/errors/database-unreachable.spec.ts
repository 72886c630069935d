import { jest } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { databaseOutageLog, isDatabaseUnreachable } from './database-unreachable.js';
import { toErrorBody } from './to-error-body.js';

const withCode = (message: string, code: string): Error => Object.assign(new Error(message), { code });

describe('isDatabaseUnreachable', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a connection reset mid-query', withCode('read ECONNRESET', 'ECONNRESET')],
    ['node-postgres losing its connection', new Error('Connection terminated unexpectedly')],
    ['pg-pool timing out a connect', new Error('timeout exceeded when trying to connect')],
    ['the server shutting down (57P01)', withCode('terminating connection due to administrator command', '57P01')],
    ['the server starting (57P03)', withCode('the database system is starting up', '57P03')],
    ['a connection exception (08006)', withCode('connection failure', '08006')],
    ['TypeORM wrapping a dropped connection', new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly'))],
    ['a connect refused on every address', new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], 'connect failed')],
  ])('is true for %s', (_, error) => {
    expect(isDatabaseUnreachable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], withCode('duplicate key value violates unique constraint', '23505'))],
    ['a syntax error', withCode('syntax error at or near "SELEC"', '42601')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error', 'Connection terminated'],
  ])('is false for %s', (_, error) => {
    expect(isDatabaseUnreachable(error)).toBe(false);
  });

  it('makes toErrorBody answer database_unavailable, never the driver’s words', () => {
    expect(toErrorBody(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toEqual({
      code: 'database_unavailable',
      message: 'The database cannot be reached: try again shortly',
      details: {},
    });
  });

  it('warns of an outage with the driver’s reason only, at most once a second, counting the rest', () => {
    jest.useFakeTimers({ now: 0 });
    try {
      const warnings: object[] = [];
      const log = databaseOutageLog({ warn: (context) => warnings.push(context) });
      const refused = new QueryFailedError('INSERT INTO secrets VALUES ($1)', ['sk_live_value'], withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'));
      log.note(refused, { subject: 'catalog.app.create' });
      log.note(refused);
      log.note(refused);
      jest.setSystemTime(1000);
      log.note(refused);
      expect(warnings).toEqual([
        { subject: 'catalog.app.create', cause: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' }, since_last: 0 },
        { cause: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' }, since_last: 2 },
      ]);
      expect(JSON.stringify(warnings)).not.toContain('sk_live_value');
    } finally {
      jest.useRealTimers();
    }
  });
});
