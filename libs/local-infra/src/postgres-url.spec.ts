import { postgresUrl, redactPassword, withDatabase } from './postgres-url.js';

describe('postgres URLs', () => {
  it('postgresUrl escapes credentials that contain URL syntax', () => {
    const url = postgresUrl({ host: '127.0.0.1', port: 5432, user: 'postgres', password: 'p@ss/w:rd', database: 'switchboard' });
    expect(url).toBe('postgres://postgres:p%40ss%2Fw%3Ard@127.0.0.1:5432/switchboard');
    expect(decodeURIComponent(new URL(url).password)).toBe('p@ss/w:rd');
  });

  it('withDatabase points the same server and credentials at another database', () => {
    expect(withDatabase('postgres://u:secret@127.0.0.1:5433/switchboard?sslmode=disable', 'other')).toBe('postgres://u:secret@127.0.0.1:5433/other?sslmode=disable');
  });

  it('redactPassword masks the password and nothing else', () => {
    expect(redactPassword('postgres://u:secret@127.0.0.1:5433/switchboard')).toBe('postgres://u:***@127.0.0.1:5433/switchboard');
  });
});
