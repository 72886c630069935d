import type { ActionRunInput, RunRecordRequest } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { PlaceholderDepthError, redact, redactDeep } from '@switchboard/placeholders';
import { buildOutboundRequest } from '../runs/outbound-request.builder.js';
import type { RunTarget } from '../runs/run-target.js';
import type { FinishedRun } from './finished-run.js';
import type { RunRecordEntity } from './run-record.entity.js';

/** Request bodies longer than this (as JSON text) are recorded cut, as text. */
export const RUN_RECORD_BODY_MAX_CHARS = 64 * 1024;

/**
 * The row recording a finished run. The request is rebuilt from the input as the caller wrote it, so secret
 * references appear as written; every resolved value is then redacted from it as well, a second safety net for
 * anything built outside the input (the target's base URL, headers added on the way).
 */
export function runRecordRowOf(finished: FinishedRun): RunRecordEntity {
  const values: Record<string, string> = {};
  const versions: Record<string, number> = {};
  for (const [key, secret] of Object.entries(finished.secrets)) {
    values[key] = secret.value;
    versions[key] = secret.version;
  }
  const { outcome, run } = finished;
  return {
    id: finished.runId,
    workspace_id: finished.workspaceId,
    product: run.product,
    access_tag: run.app,
    app: finished.target?.appTag ?? null,
    env: run.env,
    event: run.event,
    status: outcome.status,
    http_status: outcome.status === 'succeeded' ? outcome.httpStatus : null,
    error_code: outcome.status === 'failed' ? outcome.error.code : null,
    error_message: outcome.status === 'failed' ? redact(outcome.error.message, values) : null,
    ...requestColumnsOf(finished.target, finished.input, values),
    secret_versions: versions,
    timings: finished.timings,
    // A synchronous run gets one attempt; a dispatched run's caller sets its own counts.
    attempts: 1,
    max_attempts: 1,
    dispatch_key: null,
    dispatch_fingerprint: null,
    dispatch_message: null,
    created_at: isoWithMicroseconds(finished.startedAtEpochMs),
  };
}

/**
 * The request columns of a record: the request rebuilt from the input as the caller wrote it, with `values` (the
 * resolved secret values, by key) redacted from it; a run that failed before its target was known has no method or URL.
 */
export function requestColumnsOf(
  target: RunTarget | undefined,
  input: ActionRunInput,
  values: Readonly<Record<string, string>>,
): Pick<RunRecordEntity, 'method' | 'url' | 'request_headers' | 'request_body'> {
  const request = recordedRequest(target, input);
  return {
    method: request.method,
    url: request.url === null ? null : redactUrl(request.url, values),
    request_headers: redactDeep(request.headers, values),
    request_body: recordedBody(request.body, values),
  };
}

/**
 * The rows of the runs that can be recorded. A run whose row cannot be built (a bug, not bad input) is logged by id
 * and left out, so that it cannot hold back the others of its batch forever.
 */
export function runRecordRowsOf(runs: readonly FinishedRun[], log: { error(context: object, message: string): void }): RunRecordEntity[] {
  const rows: RunRecordEntity[] = [];
  for (const run of runs) {
    try {
      rows.push(runRecordRowOf(run));
    } catch (error) {
      // The name only: a message could quote the input, whose secrets were resolved for this run.
      log.error({ run_id: run.runId, error: errorName(error) }, 'run record could not be built; left out');
    }
  }
  return rows;
}

// Duck-typed: errors thrown by Node's own URL parser may come from another realm, where instanceof Error fails.
function errorName(error: unknown): string {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? name : typeof error;
}

function recordedRequest(target: RunTarget | undefined, input: ActionRunInput): RunRecordRequest {
  const asSent = { headers: { ...(input.headers ?? {}) }, body: input.body ?? null };
  if (target === undefined) return { method: null, url: null, ...asSent };
  try {
    const built = buildOutboundRequest(target, input);
    return { method: built.method, url: showReferences(built.url.toString()), headers: built.headers, body: asSent.body };
  } catch (error) {
    // The run failed building this very request (a missing path param, a body its type cannot carry): the record
    // keeps what the caller sent, and the error code says what was wrong with it.
    if (!(error instanceof DomainError)) throw error;
    return { method: target.method, url: null, ...asSent };
  }
}

function recordedBody(body: unknown, values: Readonly<Record<string, string>>): unknown {
  let redacted: unknown;
  try {
    redacted = redactDeep(body, values);
  } catch (error) {
    // The run itself refused such an input; its record says so instead of holding an unchecked copy.
    if (error instanceof PlaceholderDepthError) return '(not recorded: nested too deeply)';
    throw error;
  }
  const text = JSON.stringify(redacted) ?? '';
  if (text.length <= RUN_RECORD_BODY_MAX_CHARS) return redacted;
  return `${text.slice(0, RUN_RECORD_BODY_MAX_CHARS)}… (cut: ${text.length} characters)`;
}

// A reference in a path param or the query is percent-encoded in the URL; shown as written, it reads as one.
const ENCODED_BRACE_REFERENCE = /%24(Token|Secret)%7B([A-Za-z0-9_]+)%7D/g;
const ENCODED_PAREN_REFERENCE = /%24(?:\(|%28)secret%3A([A-Za-z0-9_]+)(?:\)|%29)/g;

function showReferences(url: string): string {
  return url
    .replace(ENCODED_BRACE_REFERENCE, (_match, syntax: string, key: string) => `$${syntax}{${key}}`)
    .replace(ENCODED_PAREN_REFERENCE, (_match, key: string) => `$(secret:${key})`);
}

/** Redacts values as they are and as a URL encodes them (path segment and query forms). */
function redactUrl(url: string, values: Readonly<Record<string, string>>): string {
  const encoded = (encode: (value: string) => string): Record<string, string> =>
    Object.fromEntries(Object.entries(values).map(([key, value]) => [key, encode(value)]));
  return [encoded(encodeURIComponent), encoded((value) => new URLSearchParams([['', value]]).toString().slice(1))].reduce(
    (text, forms) => redact(text, forms),
    redact(url, values),
  );
}

/** `2025-01-31T12:00:00.123456Z` from milliseconds since the epoch with a fraction. */
export function isoWithMicroseconds(epochMs: number): string {
  const whole = Math.floor(epochMs);
  const micros = Math.min(999, Math.floor((epochMs - whole) * 1000));
  return new Date(whole).toISOString().replace(/Z$/, `${String(micros).padStart(3, '0')}Z`);
}
