import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  RUN_LIST_DEFAULT_LIMIT,
  type RunRecordRequest,
  type RunRecordStatus,
  type RunRecordTimings,
  type RunRecordView,
} from '@switchboard/contracts';
import { DataSource } from 'typeorm';

/** One row of `action_executor.action_runs`, ready to insert: nothing in it may hold a secret value. */
export interface RunRecordRow {
  id: string;
  workspace_id: string;
  product: string;
  access_tag: string;
  app: string | null;
  env: string;
  event: string;
  status: RunRecordStatus;
  http_status: number | null;
  error_code: string | null;
  error_message: string | null;
  method: string | null;
  url: string | null;
  request_headers: Record<string, string>;
  request_body: unknown;
  secret_versions: Record<string, number>;
  timings: RunRecordTimings;
  /** ISO 8601 with microseconds. */
  created_at: string;
}

/** Which run records `list` returns, newest first. */
export interface RunRecordFilter {
  workspaceId: string;
  product?: string;
  accessTag?: string;
  status?: RunRecordStatus;
  limit?: number;
  /** Only runs created strictly before this ISO 8601 instant. */
  before?: string;
}

const COLUMNS = [
  'id',
  'workspace_id',
  'product',
  'access_tag',
  'app',
  'env',
  'event',
  'status',
  'http_status',
  'error_code',
  'error_message',
  'method',
  'url',
  'request_headers',
  'request_body',
  'secret_versions',
  'timings',
  'created_at',
] as const satisfies readonly (keyof RunRecordRow)[];

const JSON_COLUMNS = new Set<string>(['request_headers', 'request_body', 'secret_versions', 'timings']);

// to_char keeps the microseconds that a JavaScript Date would cut; the cursor compares at that precision.
const SELECT_VIEW = `
  SELECT id, product, access_tag, app, env, event, status, http_status, error_code, error_message, method, url,
         request_headers, request_body, secret_versions, timings,
         to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at
    FROM action_executor.action_runs`;

type ViewRow = Omit<RunRecordRow, 'workspace_id'>;

/** Reads and writes run records in the executor's own schema. */
@Injectable()
export class RunRecordStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts the rows with one multi-row INSERT. */
  async insert(rows: readonly RunRecordRow[]): Promise<void> {
    if (rows.length === 0) return;
    const parameters: unknown[] = [];
    const tuples = rows.map((row) => {
      const placeholders = COLUMNS.map((column) => {
        const value = row[column];
        parameters.push(JSON_COLUMNS.has(column) && value !== null && value !== undefined ? JSON.stringify(value) : (value ?? null));
        return JSON_COLUMNS.has(column) ? `$${parameters.length}::jsonb` : `$${parameters.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await this.dataSource.query(
      // A record is written once; a retried batch that did reach the database must not fail on its own rows.
      `INSERT INTO action_executor.action_runs (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (id) DO NOTHING`,
      parameters,
    );
  }

  /** The workspace's run records, newest first. */
  async list(filter: RunRecordFilter): Promise<RunRecordView[]> {
    const conditions = ['workspace_id = $1'];
    const parameters: unknown[] = [filter.workspaceId];
    const where = (sql: (placeholder: string) => string, value: unknown): void => {
      parameters.push(value);
      conditions.push(sql(`$${parameters.length}`));
    };
    if (filter.product !== undefined) where((p) => `product = ${p}`, filter.product);
    if (filter.accessTag !== undefined) where((p) => `access_tag = ${p}`, filter.accessTag);
    if (filter.status !== undefined) where((p) => `status = ${p}`, filter.status);
    if (filter.before !== undefined) where((p) => `created_at < ${p}::timestamptz`, filter.before);
    parameters.push(filter.limit ?? RUN_LIST_DEFAULT_LIMIT);
    const rows = await this.dataSource.query<ViewRow[]>(
      `${SELECT_VIEW} WHERE ${conditions.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${parameters.length}`,
      parameters,
    );
    return rows.map(viewOf);
  }

  /** One run record of the workspace, or undefined. */
  async fetch(workspaceId: string, runId: string): Promise<RunRecordView | undefined> {
    const rows = await this.dataSource.query<ViewRow[]>(`${SELECT_VIEW} WHERE workspace_id = $1 AND id = $2`, [workspaceId, runId]);
    return rows[0] === undefined ? undefined : viewOf(rows[0]);
  }

  /** Deletes up to `batchSize` records created before `cutoff`, oldest first, and says how many it deleted. */
  async deleteCreatedBefore(cutoff: Date, batchSize: number): Promise<number> {
    // Counted in SQL: a bare DELETE … RETURNING comes back from TypeORM as [rows, count] rather than rows.
    const [result] = await this.dataSource.query<{ deleted: number }[]>(
      `WITH doomed AS (
         DELETE FROM action_executor.action_runs
          WHERE id IN (SELECT id FROM action_executor.action_runs WHERE created_at < $1 ORDER BY created_at LIMIT $2)
          RETURNING 1)
       SELECT count(*)::int AS deleted FROM doomed`,
      [cutoff.toISOString(), batchSize],
    );
    return result?.deleted ?? 0;
  }
}

function viewOf(row: ViewRow): RunRecordView {
  const request: RunRecordRequest = { method: row.method, url: row.url, headers: row.request_headers, body: row.request_body };
  return {
    run_id: row.id,
    product: row.product,
    access_tag: row.access_tag,
    app: row.app,
    env: row.env,
    event: row.event,
    status: row.status,
    http_status: row.http_status,
    error_code: row.error_code,
    error_message: row.error_message,
    request,
    secret_versions: row.secret_versions,
    timings: row.timings,
    created_at: row.created_at,
  };
}
