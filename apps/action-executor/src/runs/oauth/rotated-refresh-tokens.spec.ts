import { RotatedRefreshTokens } from './rotated-refresh-tokens.js';

describe('RotatedRefreshTokens', () => {
  it('keeps the latest rotation per key', () => {
    const tokens = new RotatedRefreshTokens(10);
    tokens.set('connection-a', 'rotated-1');
    tokens.set('connection-a', 'rotated-2');
    expect([tokens.get('connection-a'), tokens.get('connection-b'), tokens.size]).toEqual(['rotated-2', undefined, 1]);
  });

  it('stays bounded, evicting the key rotated longest ago', () => {
    const tokens = new RotatedRefreshTokens(2);
    tokens.set('a', 'a-1');
    tokens.set('b', 'b-1');
    tokens.set('a', 'a-2');
    tokens.set('c', 'c-1');
    expect([tokens.get('a'), tokens.get('b'), tokens.get('c'), tokens.size]).toEqual(['a-2', undefined, 'c-1', 2]);
  });
});
