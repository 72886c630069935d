/** What went wrong in a node-vault call, read from its loosely typed errors. */
export type VaultFailure =
  | { kind: 'http'; status: number; errors: string[] }
  | { kind: 'network'; code: string };

/** Classifies an error thrown by node-vault: Vault answered with a status, or never answered. */
export function classifyVaultFailure(error: unknown): VaultFailure {
  if (typeof error !== 'object' || error === null) return { kind: 'network', code: 'unknown' };
  // node-vault rejects non-2xx answers with an ApiResponseError carrying `response.{statusCode, body}`.
  const response = (error as { response?: unknown }).response;
  if (isRecord(response) && typeof response.statusCode === 'number') {
    const body = response.body;
    const errors = isRecord(body) && Array.isArray(body.errors) ? body.errors.filter((item): item is string => typeof item === 'string') : [];
    return { kind: 'http', status: response.statusCode, errors };
  }
  // Anything else comes from axios before an answer: refused, reset, DNS, TLS or timeout.
  const code = (error as { code?: unknown }).code;
  return { kind: 'network', code: typeof code === 'string' ? code : 'unknown' };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
