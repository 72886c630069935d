import { describe, expect, it } from '@jest/globals';
import type { SecretAuditEntry } from '@switchboard/sdk';
import { lastUsesOf } from './last-uses';

function entry(key: string, action: SecretAuditEntry['action'], at: string): SecretAuditEntry {
  return { id: `${key}-${at}`, key, action, version: 1, user_id: null, app: 'stripe', access_tag: 'stripe-payments', env: 'prd', run_id: null, at };
}

describe('lastUsesOf', () => {
  it('takes the first use of each key in a newest-first page, skipping the other actions', () => {
    const page = [
      entry('STRIPE_KEY', 'rotate', '2026-12-02T10:00:00Z'),
      entry('STRIPE_KEY', 'use', '2026-12-02T09:00:00Z'),
      entry('SENDGRID_KEY', 'use', '2026-12-02T08:00:00Z'),
      entry('STRIPE_KEY', 'use', '2026-12-02T07:00:00Z'),
    ];

    const { byKey } = lastUsesOf(page, 100);

    expect([...byKey].map(([key, use]) => `${key} ${use.at}`)).toEqual(['STRIPE_KEY 2026-12-02T09:00:00Z', 'SENDGRID_KEY 2026-12-02T08:00:00Z']);
  });

  it('calls a page shorter than its limit the whole trail, and a full one not', () => {
    const page = [entry('STRIPE_KEY', 'create', '2026-12-02T10:00:00Z'), entry('STRIPE_KEY', 'fetch', '2026-12-02T09:00:00Z')];

    expect([lastUsesOf(page, 3).complete, lastUsesOf(page, 2).complete]).toEqual([true, false]);
    expect(lastUsesOf(page, 3).byKey.size).toBe(0);
  });
});
