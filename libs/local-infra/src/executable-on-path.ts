import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

/** Returns the absolute path of `name` found on PATH (plus the sbin directories), or undefined. */
export async function findExecutable(name: string): Promise<string | undefined> {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/local/sbin', '/usr/sbin', '/sbin'];
  for (const dir of dirs.filter(Boolean)) {
    const candidate = join(dir, name);
    const executable = await access(candidate, constants.X_OK).then(
      () => true,
      () => false,
    );
    if (executable) return candidate;
  }
  return undefined;
}
