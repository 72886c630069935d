import type { RunRecordRequest, RunRecordStatus, RunRecordTimings } from '@switchboard/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One run record, as TypeORM knows the table. RunRecordStore reads and writes it with SQL of its own: TypeORM maps
 * timestamptz to a millisecond Date, and the list cursor needs `created_at` to the microsecond. Its indexes, in the
 * migration: (workspace_id, created_at DESC) for listing, (created_at) for retention.
 */
@Entity({ name: 'action_runs' })
export class ActionRunEntity {
  /** `run_<uuid>`, the id `actions.run` returned. */
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @Column({ type: 'text' })
  product!: string;

  @Column({ name: 'access_tag', type: 'text' })
  accessTag!: string;

  @Column({ type: 'text', nullable: true })
  app!: string | null;

  @Column({ type: 'text' })
  env!: string;

  @Column({ type: 'text' })
  event!: string;

  @Column({ type: 'text' })
  status!: RunRecordStatus;

  @Column({ name: 'http_status', type: 'integer', nullable: true })
  httpStatus!: number | null;

  @Column({ name: 'error_code', type: 'text', nullable: true })
  errorCode!: string | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage!: string | null;

  @Column({ type: 'text', nullable: true })
  method!: string | null;

  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Column({ name: 'request_headers', type: 'jsonb' })
  requestHeaders!: RunRecordRequest['headers'];

  /** JSON as the caller sent it, or a JSON string for text. */
  @Column({ name: 'request_body', type: 'jsonb', nullable: true })
  requestBody!: unknown;

  @Column({ name: 'secret_versions', type: 'jsonb' })
  secretVersions!: Record<string, number>;

  @Column({ type: 'jsonb' })
  timings!: RunRecordTimings;

  /** Attempts started: 1 for a synchronous run, 0 for a dispatched run no executor has taken yet. */
  @Column({ type: 'integer', default: 1 })
  attempts!: number;

  @Column({ name: 'max_attempts', type: 'integer', default: 1 })
  maxAttempts!: number;

  /** A dispatched run's idempotency key, unique in its workspace; null for synchronous runs. */
  @Column({ name: 'dispatch_key', type: 'text', nullable: true })
  dispatchKey!: string | null;

  /** What a keyed dispatch asked for, hashed when it was queued; null for synchronous runs. */
  @Column({ name: 'dispatch_fingerprint', type: 'text', nullable: true })
  dispatchFingerprint!: string | null;

  /** When the run started, or for a dispatched run when it was queued. */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
