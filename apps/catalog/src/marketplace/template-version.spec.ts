import { isOlderVersion } from './template-version.js';

describe('isOlderVersion', () => {
  it.each([
    ['1.0.0', '1.0.1', true],
    ['1.9.0', '1.10.0', true],
    ['1.2.3', '2.0.0', true],
    ['1.2.3', '1.2.3', false],
    ['2.0.0', '1.99.99', false],
  ])('%s before %s: %s', (installed, latest, older) => {
    expect(isOlderVersion(installed, latest)).toBe(older);
  });
});
