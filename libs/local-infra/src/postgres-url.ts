export interface PostgresAddress {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

/** Builds a postgres:// URL with every part escaped. */
export function postgresUrl({ host, port, user, password, database }: PostgresAddress): string {
  return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}:${port}/${encodeURIComponent(database)}`;
}

/** Returns `url` pointing at another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** Returns `url` with its password masked, for logs. */
export function redactPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
