import pg from 'pg';

/** Runs `work` with a connected client on `url` and always closes it. */
export async function withPostgresClient<T>(url: string, work: (client: pg.Client) => Promise<T>, connectTimeoutMs = 5_000): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs });
  // Without a listener a server-side disconnect would crash the process; the pending query rejects anyway.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Tells whether a PostgreSQL server answers `SELECT 1` at `url` within `timeoutMs`. */
export async function postgresAnswers(url: string, timeoutMs = 1_000): Promise<boolean> {
  return withPostgresClient(url, async (client) => (await client.query('SELECT 1 AS ok')).rows.length === 1, timeoutMs).catch(() => false);
}

/** Creates database `name` on the server behind `url` unless it exists already. */
export async function ensureDatabase(url: string, name: string): Promise<void> {
  await withPostgresClient(url, async (client) => {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount) return;
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    } catch (error) {
      // Another process may have created it between our check and our CREATE.
      if ((error as { code?: string }).code !== '42P04') throw error;
    }
  });
}
