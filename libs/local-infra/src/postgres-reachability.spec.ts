import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertReachableByPostgres, unenterableDirectory } from './postgres-reachability.js';

// A user that owns nothing here, as the postgres system user owns nothing in a checkout.
const STRANGER = { uid: 54_321, gid: 54_321 };

describe('unenterableDirectory', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'reachability-'));
    await mkdir(join(root, 'checkout', 'node_modules'), { recursive: true });
  });

  afterEach(async () => {
    await chmod(root, 0o755);
    await rm(root, { recursive: true, force: true });
  });

  it('finds the private directory on the way to a binary', async () => {
    await chmod(root, 0o700);
    expect(await unenterableDirectory(join(root, 'checkout', 'node_modules', 'initdb'), STRANGER)).toBe(root);
  });

  it('finds nothing when every directory may be entered by others', async () => {
    await chmod(root, 0o711);
    expect(await unenterableDirectory(join(root, 'checkout', 'node_modules', 'initdb'), STRANGER)).toBeUndefined();
  });

  it("judges a directory by its owner's bit when the user owns it", async () => {
    await chmod(root, 0o700);
    const { uid, gid } = await stat(root);
    expect(await unenterableDirectory(join(root, 'checkout', 'initdb'), { uid, gid })).toBeUndefined();
  });

  it('says which directory blocks and how to allow it', async () => {
    await chmod(root, 0o700);
    await expect(assertReachableByPostgres([join(root, 'checkout', 'initdb')], STRANGER)).rejects.toThrow(
      `cannot enter ${root} (mode 0700) on the way to ${join(root, 'checkout', 'initdb')}. Allow it (chmod o+x ${root})`,
    );
  });
});
