import { parseWorkspaceLimitOverrides, RateLimitPolicy } from './rate-limit-policy.js';

describe('rate-limit policy', () => {
  it('reads workspace overrides as <id>=<per second>/<burst>, comma-separated', () => {
    expect(parseWorkspaceLimitOverrides('')).toEqual(new Map());
    expect(parseWorkspaceLimitOverrides('ws_a=5000/10000, ws_b=2/3')).toEqual(
      new Map([
        ['ws_a', { perSecond: 5000, burst: 10000 }],
        ['ws_b', { perSecond: 2, burst: 3 }],
      ]),
    );
  });

  it('names the entry it cannot read', () => {
    expect(parseWorkspaceLimitOverrides('ws_a=5000')).toMatch(/^"ws_a=5000" is not <workspace id>=<requests per second>\/<burst>/);
    expect(parseWorkspaceLimitOverrides('ws_a=0/10')).toMatch(/^"ws_a=0\/10" is not/);
    expect(parseWorkspaceLimitOverrides('ws_a=10/2000000')).toMatch(/^"ws_a=10\/2000000" is not/);
    expect(parseWorkspaceLimitOverrides('ws_a=1/1,ws_a=2/2')).toBe('workspace ws_a is given twice');
  });

  it("counts a caller against its workspace's bucket, with its override, and its key's", () => {
    const policy = new RateLimitPolicy({ perSecond: 10, burst: 20 }, new Map([['ws_big', { perSecond: 100, burst: 200 }]]), { perSecond: 5, burst: 6 });
    expect(policy.limitsOf({ workspaceId: 'ws_small', userId: 'usr_a', keyId: 'key_1' })).toEqual({
      workspace: { bucket: 'workspace:ws_small', limit: { perSecond: 10, burst: 20 } },
      key: { bucket: 'key:key_1', limit: { perSecond: 5, burst: 6 } },
    });
    expect(policy.limitsOf({ workspaceId: 'ws_small', userId: 'usr_a' }).key.bucket).toBe('member:usr_a');
    expect(policy.limitsOf({ workspaceId: 'ws_big', userId: 'usr_b' }).workspace.limit).toEqual({ perSecond: 100, burst: 200 });
  });
});
