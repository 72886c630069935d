import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  RUN_LIST_DEFAULT_LIMIT,
  type DispatchedRunMessage,
  type RunRecordRequest,
  type RunRecordStatus,
  type RunRecordView,
} from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { DataSource } from 'typeorm';
import { RunRecordEntity } from './run-record.entity.js';

/** How often a keyed dispatch is tried while the run under its key keeps being withdrawn. */
const INSERT_QUEUED_ATTEMPTS = 3;

/** The states a run can still leave; once it is in any other, no later write changes it. */
const UNFINISHED: readonly RunRecordStatus[] = ['queued', 'running'];

/** Which run records `list` returns, newest first. */
export interface RunRecordFilter {
  workspaceId: string;
  product?: string;
  accessTag?: string;
  status?: RunRecordStatus;
  limit?: number;
  /** Only runs created strictly before this ISO 8601 instant. */
  before?: string;
  /** Only runs created strictly after this ISO 8601 instant. */
  after?: string;
}

// A record shows everything but the workspace and the dispatch key and fingerprint, which stay inside the executor.
const NOT_IN_VIEW = ['workspace_id', 'dispatch_key', 'dispatch_fingerprint', 'dispatch_message'] as const satisfies readonly (keyof RunRecordEntity)[];
type ViewRow = Omit<RunRecordEntity, (typeof NOT_IN_VIEW)[number]>;

// An update changes a run's state, never whose run it is or when it was dispatched (the list's cursor).
const KEPT_ON_UPDATE = new Set<string>(['id', 'workspace_id', 'dispatch_key', 'dispatch_fingerprint', 'created_at'] satisfies (keyof RunRecordEntity)[]);

/** A column of the table, as the entity declares it (each property is named as its column). */
interface RunRecordColumn {
  name: keyof RunRecordEntity;
  json: boolean;
}

/** What starting a delivered run found: the attempt it begins, or why it must not run. */
export type AttemptStart = { state: 'started'; attempt: number } | { state: 'ended' } | { state: 'exhausted'; attempts: number };

/** The run already queued under a dispatch key: enough to tell whether a repeated dispatch asks for the same run. */
export interface DispatchedUnderKey {
  id: string;
  status: RunRecordStatus;
  product: string;
  access_tag: string;
  env: string;
  event: string;
  /** Whether the stream never confirmed its message (the executor that recorded it stopped before the publish). */
  unpublished: boolean;
  /** Whether it was dispatched with the same fingerprint: the same action and input. */
  same_request: boolean;
}

/** Reads and writes run records in the executor's own schema. */
@Injectable()
export class RunRecordStore {
  // Taken from the entity, the one definition of the table; the SQL is the store's own (multi-row INSERT, conflict
  // rules, microsecond cursor), which TypeORM's query builder cannot express or would round to milliseconds.
  private readonly columns: readonly RunRecordColumn[];
  private readonly columnList: string;
  private readonly selectView: string;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.columns = dataSource.getMetadata(RunRecordEntity).columns.map((column) => {
      // Rows are plain objects keyed by column: a property named otherwise would be written as null.
      if (column.propertyName !== column.databaseName) {
        throw new Error(`RunRecordEntity.${column.propertyName} must be named as its column, ${column.databaseName}`);
      }
      return { name: column.propertyName as keyof RunRecordEntity, json: column.type === 'jsonb' };
    });
    this.columnList = this.columns.map((column) => column.name).join(', ');
    // to_char keeps the microseconds a JavaScript Date would cut; the list's cursor compares at that precision.
    const viewColumns = this.columns
      .filter((column) => !(NOT_IN_VIEW as readonly string[]).includes(column.name))
      .map((column) => (column.name === 'created_at' ? `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at` : column.name));
    this.selectView = `SELECT ${viewColumns.join(', ')} FROM action_executor.action_runs`;
  }

  /** Inserts the rows with one multi-row INSERT. */
  async insert(rows: readonly RunRecordEntity[]): Promise<void> {
    if (rows.length === 0) return;
    const parameters: unknown[] = [];
    const tuples = rows.map((row) => this.valuesOf(row, parameters));
    await this.dataSource.query(
      // A record is written once; a retried batch that did reach the database must not fail on its own rows.
      `INSERT INTO action_executor.action_runs (${this.columnList}) VALUES ${tuples.join(', ')} ON CONFLICT (id) DO NOTHING`,
      parameters,
    );
  }

  /**
   * Writes a dispatched run's new state: inserts the row, or updates the run in place, keeping its workspace and
   * `created_at`. A run that has already ended is left as it is (the first final state wins, whatever a duplicate
   * delivery reports later), and so is one a later attempt has taken over (an attempt handed back or timed out
   * that still reports must not roll the record back); says whether the row was written.
   */
  async upsert(row: RunRecordEntity): Promise<boolean> {
    const parameters: unknown[] = [];
    const tuple = this.valuesOf(row, parameters);
    const updated = this.columns.filter(({ name }) => !KEPT_ON_UPDATE.has(name)).map(({ name }) => `${name} = EXCLUDED.${name}`);
    parameters.push(UNFINISHED);
    return await this.countOf(
      `INSERT INTO action_executor.action_runs AS run (${this.columnList}) VALUES ${tuple}
         ON CONFLICT (id) DO UPDATE SET ${updated.join(', ')}
           WHERE run.status = ANY($${parameters.length}::text[]) AND run.attempts <= EXCLUDED.attempts
         RETURNING 1`,
      parameters,
    ) > 0;
  }

  /**
   * Starts the next attempt of a queued (or interrupted) run: marks it `running` and counts the attempt in its row,
   * so attempts are counted by the record, not by how often the queue delivered the run (a delivery handed back
   * because the database failed costs none). Says which attempt began, or that the run has ended or been withdrawn
   * (it must not run again), or that its attempts are used up (its last one never reported back). A delivery proves
   * the message is in the stream, so the record forgets it: the dispatch sweeper must never publish a delivered run.
   */
  async startAttempt(workspaceId: string, runId: string): Promise<AttemptStart> {
    // Wrapped in a CTE: TypeORM hands back a bare UPDATE … RETURNING as [rows, count].
    const [started] = await this.dataSource.query<{ attempts: number }[]>(
      `WITH started AS (
         UPDATE action_executor.action_runs SET status = 'running', attempts = attempts + 1, dispatch_message = NULL
          WHERE id = $1 AND workspace_id = $2 AND status = ANY($3::text[]) AND attempts < max_attempts RETURNING attempts
       ) SELECT attempts FROM started`,
      [runId, workspaceId, UNFINISHED],
    );
    if (started) return { state: 'started', attempt: started.attempts };
    const [row] = await this.dataSource.query<{ status: RunRecordStatus; attempts: number }[]>(
      `SELECT status, attempts FROM action_executor.action_runs WHERE id = $1 AND workspace_id = $2`,
      [runId, workspaceId],
    );
    if (row === undefined || !UNFINISHED.includes(row.status)) return { state: 'ended' };
    return { state: 'exhausted', attempts: row.attempts };
  }

  /**
   * Gives back attempt `attempt` of a running dispatched run that was never sent (its connection's rate limit had no
   * turn for it): queued again, one attempt fewer, the refusal kept as why it waits. Leaves a run another attempt has
   * taken over as it is.
   */
  async giveBackAttempt(workspaceId: string, runId: string, attempt: number, error: { code: string; message: string }): Promise<boolean> {
    return await this.countOf(
      `UPDATE action_executor.action_runs SET status = 'queued', attempts = attempts - 1, error_code = $4, error_message = $5
        WHERE id = $2 AND workspace_id = $1 AND status = 'running' AND attempts = $3 RETURNING 1`,
      [workspaceId, runId, attempt, error.code, error.message],
    ) > 0;
  }

  /**
   * Ends a run of the workspace whose attempts ran out without its last attempt reporting back (its executor stopped
   * mid-run), or whose message could not be read: `dead_lettered` with `error`, unless it has already ended. Says
   * whether it changed the run.
   */
  async deadLetterUnfinished(workspaceId: string, runId: string, error: { code: string; message: string }): Promise<boolean> {
    return await this.countOf(
      `UPDATE action_executor.action_runs SET status = 'dead_lettered', error_code = $3, error_message = $4
        WHERE id = $2 AND workspace_id = $1 AND status = ANY($5::text[]) RETURNING 1`,
      [workspaceId, runId, error.code, error.message, UNFINISHED],
    ) > 0;
  }

  /**
   * Inserts a queued dispatched run, unless its workspace already has a run under the same dispatch key: then
   * nothing is written and that run is returned.
   */
  async insertQueued(row: RunRecordEntity): Promise<{ inserted: true } | { inserted: false; existing: DispatchedUnderKey }> {
    const parameters: unknown[] = [];
    const tuple = this.valuesOf(row, parameters);
    // The run under the key may be withdrawn between the two statements (its publish failed): then the key is free
    // again and the insert is tried once more.
    for (let attempt = 1; attempt <= INSERT_QUEUED_ATTEMPTS; attempt += 1) {
      const inserted = await this.countOf(
        `INSERT INTO action_executor.action_runs (${this.columnList}) VALUES ${tuple}
           ON CONFLICT (workspace_id, dispatch_key) WHERE dispatch_key IS NOT NULL DO NOTHING RETURNING 1`,
        parameters,
      );
      if (inserted > 0 || row.dispatch_key === null) return { inserted: true };
      const [existing] = await this.dataSource.query<DispatchedUnderKey[]>(
        `SELECT id, status, product, access_tag, env, event, dispatch_message IS NOT NULL AS unpublished, dispatch_fingerprint IS NOT DISTINCT FROM $3 AS same_request
           FROM action_executor.action_runs WHERE workspace_id = $1 AND dispatch_key = $2`,
        [row.workspace_id, row.dispatch_key, row.dispatch_fingerprint],
      );
      if (existing) return { inserted: false, existing };
    }
    throw new DomainError(ErrorCode.ServiceUnavailable, 'The dispatch could not be recorded: its idempotency key kept changing hands; try again', {
      dispatch_key: row.dispatch_key,
    });
  }

  /** Forgets a dispatched run's message once the stream has confirmed it. */
  async markPublished(runId: string): Promise<void> {
    await this.dataSource.query(`UPDATE action_executor.action_runs SET dispatch_message = NULL WHERE id = $1 AND dispatch_message IS NOT NULL`, [runId]);
  }

  /** The messages of queued runs recorded before `queuedBefore` that the stream never confirmed, oldest first. */
  async unpublished(queuedBefore: Date, limit: number): Promise<DispatchedRunMessage[]> {
    const rows = await this.dataSource.query<{ dispatch_message: DispatchedRunMessage }[]>(
      `SELECT dispatch_message FROM action_executor.action_runs
        WHERE dispatch_message IS NOT NULL AND status = 'queued' AND created_at < $1 ORDER BY created_at LIMIT $2`,
      [queuedBefore.toISOString(), limit],
    );
    return rows.map((row) => row.dispatch_message);
  }

  /** Deletes a queued run that was never handed to the queue (its publish failed and the caller was told so). */
  async deleteQueued(runId: string): Promise<void> {
    await this.countOf(`DELETE FROM action_executor.action_runs WHERE id = $1 AND status = 'queued' AND attempts = 0 RETURNING 1`, [runId]);
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
    if (filter.after !== undefined) where((p) => `created_at > ${p}::timestamptz`, filter.after);
    parameters.push(filter.limit ?? RUN_LIST_DEFAULT_LIMIT);
    const rows = await this.dataSource.query<ViewRow[]>(
      `${this.selectView} WHERE ${conditions.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${parameters.length}`,
      parameters,
    );
    return rows.map(viewOf);
  }

  /** One run record of the workspace, or undefined. */
  async fetch(workspaceId: string, runId: string): Promise<RunRecordView | undefined> {
    const rows = await this.dataSource.query<ViewRow[]>(`${this.selectView} WHERE workspace_id = $1 AND id = $2`, [workspaceId, runId]);
    return rows[0] === undefined ? undefined : viewOf(rows[0]);
  }

  /** Deletes up to `batchSize` records created before `cutoff`, oldest first, and says how many it deleted. */
  async deleteCreatedBefore(cutoff: Date, batchSize: number): Promise<number> {
    return await this.countOf(
      `DELETE FROM action_executor.action_runs
        WHERE id IN (SELECT id FROM action_executor.action_runs WHERE created_at < $1 ORDER BY created_at LIMIT $2)
        RETURNING 1`,
      [cutoff.toISOString(), batchSize],
    );
  }

  /** `($1, $2, …)` for one row, its values appended to `parameters`. */
  private valuesOf(row: RunRecordEntity, parameters: unknown[]): string {
    const placeholders = this.columns.map(({ name, json }) => {
      const value = row[name];
      parameters.push(json && value !== null && value !== undefined ? JSON.stringify(value) : (value ?? null));
      return json ? `$${parameters.length}::jsonb` : `$${parameters.length}`;
    });
    return `(${placeholders.join(', ')})`;
  }

  // Counted in SQL: a bare UPDATE or DELETE … RETURNING comes back from TypeORM as [rows, count] rather than rows.
  private async countOf(statementReturningOnePerRow: string, parameters: unknown[]): Promise<number> {
    const [result] = await this.dataSource.query<{ changed: number }[]>(
      `WITH changed AS (${statementReturningOnePerRow}) SELECT count(*)::int AS changed FROM changed`,
      parameters,
    );
    return result?.changed ?? 0;
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
    attempts: row.attempts,
    max_attempts: row.max_attempts,
    created_at: row.created_at,
  };
}
