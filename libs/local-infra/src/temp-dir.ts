import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Creates a fresh directory under the OS temp dir that the postgres system user can traverse. */
export async function createTempDataDir(prefix = 'switchboard-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  // mkdtemp makes it 0700; when we are root, PostgreSQL runs as another user and must reach its data below.
  await chmod(dir, 0o755);
  return dir;
}
