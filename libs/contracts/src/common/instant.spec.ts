import { isInstant } from './instant.js';

describe('isInstant', () => {
  it.each(['2026-01-31T12:00:00Z', '2026-01-31T12:00Z', '2026-01-31T12:00:00.123456Z', '2026-01-31T12:00:00+05:30', '2026-01-31T12:00:00-0800'])(
    'accepts %s',
    (value) => {
      expect(isInstant(value)).toBe(true);
    },
  );

  it.each([
    ['a week date', '2026-W05-6'],
    ['an ordinal date', '2026-031'],
    ['a bare year', '2026'],
    ['a date without a time', '2026-01-31'],
    ['a time without a zone', '2026-01-31T12:00:00'],
    ['the basic format', '20260131T120000Z'],
    ['a month that does not exist', '2026-13-01T00:00:00Z'],
    ['a day that does not exist', '2026-02-30T00:00:00Z'],
    ['a word', 'yesterday'],
    ['a number', 1_769_860_800_000],
  ])('refuses %s', (_case, value) => {
    expect(isInstant(value)).toBe(false);
  });
});
