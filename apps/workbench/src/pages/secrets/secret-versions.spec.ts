import { describe, expect, it } from '@jest/globals';
import type { SecretAuditEntry } from '@switchboard/sdk';
import { versionsOf } from './secret-versions';

function entry(action: SecretAuditEntry['action'], version: number, at: string): SecretAuditEntry {
  return { id: at, key: 'STRIPE_KEY', action, version, user_id: 'ops', app: null, access_tag: null, env: null, run_id: null, at };
}

const made = (versions: ReturnType<typeof versionsOf>) => versions.map(({ version, madeBy }) => `${version}: ${madeBy === undefined ? '?' : `${madeBy.action} ${madeBy.at}`}`);

describe('versionsOf', () => {
  it('names the create, rotate or update that made each version, newest first', () => {
    const entries = [
      entry('use', 3, 't6'),
      entry('update', 3, 't5'),
      entry('update', 2, 't4'),
      entry('rotate', 2, 't3'),
      entry('use', 1, 't2'),
      entry('create', 1, 't1'),
    ];

    expect(made(versionsOf(entries, 3))).toEqual(['3: update t5', '2: rotate t3', '1: create t1']);
  });

  it('leaves a version unexplained when the entries read start after it was made', () => {
    const entries = [entry('rotate', 5, 't3'), entry('use', 4, 't2'), entry('fetch', 4, 't1')];

    expect(made(versionsOf(entries, 5))).toEqual(['5: rotate t3', '4: ?', '3: ?', '2: ?', '1: ?']);
  });

  it('reads a key deleted and created again from its newest create on', () => {
    const entries = [entry('create', 1, 't4'), entry('delete', 2, 't3'), entry('rotate', 2, 't2'), entry('create', 1, 't1')];

    expect(made(versionsOf(entries, 1))).toEqual(['1: create t4']);
  });
});
