/**
 * The one sentence a command says when it cannot connect to the database at `url`: where (without the password)
 * and the driver's reason (refused, unknown host, wrong password, no such database), then what to do.
 */
export function cannotReachDatabase(url: string, error: unknown): string {
  const { host, pathname } = new URL(url);
  return `Cannot reach the database at ${host}${pathname} (${reasonOf(error)}): start PostgreSQL (npm start does) or set DATABASE_URL to one that answers.`;
}

function reasonOf(error: unknown): string {
  // A name that resolves to several addresses fails with one error per address, and an empty message of its own.
  const first = error instanceof AggregateError ? (error.errors[0] as unknown) : error;
  if (!(first instanceof Error)) return String(first);
  return first.message || (first as NodeJS.ErrnoException).code || first.name;
}
