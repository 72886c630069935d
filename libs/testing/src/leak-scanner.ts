import pg from 'pg';

/** One place a secret value was found where it must never be. */
export interface Leak {
  value: string;
  where: string;
}

export interface LeakScanSources {
  /** Log lines, by source name (e.g. a service's captured stdout). */
  logs?: Record<string, readonly string[]>;
  /** Response bodies or event payloads, by a label saying which call produced them. */
  texts?: Record<string, string>;
  /** Every table of every schema of this database is read as text. */
  databaseUrl?: string;
}

/**
 * Searches everything a test can observe for distinctive secret values: log lines, response bodies,
 * event payloads and every row of every table (as text, and as the hex that bytea columns print).
 * Returns each finding; an empty list means nothing leaked.
 */
export async function scanForLeaks(values: readonly string[], sources: LeakScanSources): Promise<Leak[]> {
  // As written, as bytea prints it, and as Basic auth or a JWT would carry it.
  const needles = values.flatMap((value) => [
    { value, text: value },
    { value, text: Buffer.from(value, 'utf8').toString('hex') },
    { value, text: Buffer.from(value, 'utf8').toString('base64').replace(/=+$/, '') },
  ]);
  const leaks: Leak[] = [];
  const search = (where: string, haystack: string): void => {
    for (const needle of needles) if (haystack.includes(needle.text)) leaks.push({ value: needle.value, where });
  };
  for (const [source, lines] of Object.entries(sources.logs ?? {})) {
    lines.forEach((line, index) => search(`${source} log line ${index + 1}`, line));
  }
  for (const [label, text] of Object.entries(sources.texts ?? {})) search(label, text);
  if (sources.databaseUrl) {
    for (const [table, rows] of await readEveryTable(sources.databaseUrl)) rows.forEach((row) => search(`table ${table}`, row));
  }
  return leaks;
}

async function readEveryTable(databaseUrl: string): Promise<Map<string, string[]>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const contents = new Map<string, string[]>();
    for (const { schema, name } of tables.rows) {
      const qualified = `${client.escapeIdentifier(schema)}.${client.escapeIdentifier(name)}`;
      const rows = await client.query<{ row: string }>(`SELECT t::text AS row FROM ${qualified} t`);
      contents.set(`${schema}.${name}`, rows.rows.map((row) => row.row));
    }
    return contents;
  } finally {
    await client.end();
  }
}
