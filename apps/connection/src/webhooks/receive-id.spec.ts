import { WEBHOOK_RECEIVE_ID_PATTERN } from '@switchboard/contracts';
import { newReceiveId } from './receive-id.js';

describe('newReceiveId', () => {
  it('is whk_ and 24 base62 characters', () => {
    expect(newReceiveId()).toMatch(WEBHOOK_RECEIVE_ID_PATTERN);
  });

  it('draws each id anew, using every base62 character', () => {
    const ids = Array.from({ length: 500 }, newReceiveId);
    expect(new Set(ids).size).toBe(ids.length);
    const characters = new Set(ids.flatMap((id) => [...id.slice('whk_'.length)]));
    expect(characters.size).toBe(62);
  });
});
