import { RUN_RECORD_STATUSES, type DispatchedRunMessage, type RunRecordStatus, type RunRecordTimings } from '@switchboard/contracts';
import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row of `action_executor.action_runs`: the one definition of its columns, which RunRecordStore writes and reads
 * (properties are named as their columns) and the schema spec holds against the migrations. Nothing in it may hold
 * a secret value.
 */
@Entity({ name: 'action_runs' })
// Listing is newest first: the index read backwards.
@Index('action_runs_workspace_created_idx', ['workspace_id', 'created_at'])
// Retention deletes by age across every workspace.
@Index('action_runs_created_idx', ['created_at'])
// The dispatch sweeper looks for runs whose message the stream never confirmed, oldest first.
@Index('action_runs_unpublished_idx', ['created_at'], { where: 'dispatch_message IS NOT NULL' })
@Index('action_runs_dispatch_key_idx', ['workspace_id', 'dispatch_key'], { unique: true, where: 'dispatch_key IS NOT NULL' })
@Check('action_runs_status_check', `status IN (${RUN_RECORD_STATUSES.map((status) => `'${status}'`).join(', ')})`)
@Check('action_runs_attempts_check', 'attempts >= 0')
@Check('action_runs_max_attempts_check', 'max_attempts >= 1')
export class RunRecordEntity {
  /** `run_<uuid>`, the id `actions.run` returned. */
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  workspace_id!: string;

  @Column({ type: 'text' })
  product!: string;

  @Column({ type: 'text' })
  access_tag!: string;

  @Column({ type: 'text', nullable: true })
  app!: string | null;

  @Column({ type: 'text' })
  env!: string;

  @Column({ type: 'text' })
  event!: string;

  @Column({ type: 'text' })
  status!: RunRecordStatus;

  @Column({ type: 'integer', nullable: true })
  http_status!: number | null;

  @Column({ type: 'text', nullable: true })
  error_code!: string | null;

  @Column({ type: 'text', nullable: true })
  error_message!: string | null;

  @Column({ type: 'text', nullable: true })
  method!: string | null;

  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  request_headers!: Record<string, string>;

  /** JSON as the caller sent it, or a JSON string for text. */
  @Column({ type: 'jsonb', nullable: true })
  request_body!: unknown;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  secret_versions!: Record<string, number>;

  @Column({ type: 'jsonb' })
  timings!: RunRecordTimings;

  /** Attempts started: 1 for a synchronous run, 0 for a dispatched run no executor has taken yet. */
  @Column({ type: 'integer', default: 1 })
  attempts!: number;

  @Column({ type: 'integer', default: 1 })
  max_attempts!: number;

  /** A dispatched run's idempotency key, unique in its workspace; null for synchronous runs. */
  @Column({ type: 'text', nullable: true })
  dispatch_key!: string | null;

  /** With a dispatch key: what the dispatch asked for, hashed when it was queued (see dispatch-fingerprint.ts). */
  @Column({ type: 'text', nullable: true })
  dispatch_fingerprint!: string | null;

  /**
   * A dispatched run's message until the stream has confirmed it (then null): what the dispatch sweeper publishes
   * for a run whose executor recorded it and stopped before the publish. Null for synchronous runs.
   */
  @Column({ type: 'jsonb', nullable: true })
  dispatch_message!: DispatchedRunMessage | null;

  /**
   * When the run started, or for a dispatched run when it was queued: ISO 8601 with microseconds. Kept as text on
   * this side because a JavaScript Date would cut the microseconds the list's cursor compares at.
   */
  @Column({ type: 'timestamptz' })
  created_at!: string;
}
