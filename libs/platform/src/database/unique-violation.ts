/** True when Postgres refused a write because it would break the named unique constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const cause = (error as { driverError?: unknown })?.driverError ?? error;
  const pgError = cause as { code?: string; constraint?: string } | undefined;
  return pgError?.code === '23505' && pgError.constraint === constraint;
}
