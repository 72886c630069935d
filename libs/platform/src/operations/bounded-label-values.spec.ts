import { BoundedLabelValues, OTHER_LABEL_VALUE } from './bounded-label-values.js';

describe('BoundedLabelValues', () => {
  it('keeps the first values as they are and counts every later new one as other', () => {
    const hosts = new BoundedLabelValues(2);
    expect([hosts.of('a.example'), hosts.of('b.example'), hosts.of('c.example')]).toEqual(['a.example', 'b.example', OTHER_LABEL_VALUE]);
  });

  it('still answers a value it kept once the cap is reached', () => {
    const hosts = new BoundedLabelValues(1);
    hosts.of('a.example');
    hosts.of('b.example');
    expect(hosts.of('a.example')).toBe('a.example');
  });
});
