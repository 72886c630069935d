import { TEMPLATE_VERSION_PATTERN } from '@switchboard/contracts';

/** Whether `installed` comes before `latest`, both `MAJOR.MINOR.PATCH` (the contract's pattern), number by number. */
export function isOlderVersion(installed: string, latest: string): boolean {
  const a = parts(installed);
  const b = parts(latest);
  for (let index = 0; index < 3; index += 1) {
    if (a[index] !== b[index]) return a[index] < b[index];
  }
  return false;
}

function parts(version: string): number[] {
  const match = TEMPLATE_VERSION_PATTERN.exec(version);
  if (!match) throw new Error(`'${version}' is not a MAJOR.MINOR.PATCH version`);
  return match.slice(1).map(Number);
}
