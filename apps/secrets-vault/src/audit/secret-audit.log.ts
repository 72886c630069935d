import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SECRET_AUDIT_DEFAULT_LIMIT, type SecretAuditAction, type SecretAuditEntryView } from '@switchboard/contracts';
import { Repository, type EntityManager } from 'typeorm';
import { SecretAuditEntity } from './secret-audit.entity.js';

export interface SecretAuditRecord {
  workspaceId: string;
  key: string;
  action: SecretAuditAction;
  version?: number | null;
  userId?: string | null;
  app?: string | null;
  accessTag?: string | null;
  env?: string | null;
  runId?: string | null;
}

/** The secrets audit trail: written in the same transaction as the change it describes. */
@Injectable()
export class SecretAuditLog {
  constructor(@InjectRepository(SecretAuditEntity) private readonly entries: Repository<SecretAuditEntity>) {}

  /**
   * One statement whatever the number of records, its values as one array per column: run-time uses arrive from
   * the executors in batches of up to a hundred, and TypeORM's insert built each row's SQL and parameters in turn.
   */
  async record(manager: EntityManager, records: SecretAuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    const column = <T>(value: (record: SecretAuditRecord) => T): T[] => records.map(value);
    await manager.query(
      `INSERT INTO secrets_vault.secret_audit (workspace_id, key, action, version, user_id, app, access_tag, env, run_id)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::integer[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])`,
      [
        column((record) => record.workspaceId),
        column((record) => record.key),
        column((record) => record.action),
        column((record) => record.version ?? null),
        column((record) => record.userId ?? null),
        column((record) => record.app ?? null),
        column((record) => record.accessTag ?? null),
        column((record) => record.env ?? null),
        column((record) => record.runId ?? null),
      ],
    );
  }

  async list(workspaceId: string, key: string | undefined, limit = SECRET_AUDIT_DEFAULT_LIMIT): Promise<SecretAuditEntryView[]> {
    const entries = await this.entries.find({
      where: key ? { workspaceId, key } : { workspaceId },
      order: { at: 'DESC', id: 'ASC' },
      take: limit,
    });
    return entries.map((entry) => ({
      id: entry.id,
      key: entry.key,
      action: entry.action,
      version: entry.version,
      user_id: entry.userId,
      app: entry.app,
      access_tag: entry.accessTag,
      env: entry.env,
      run_id: entry.runId,
      at: entry.at.toISOString(),
    }));
  }
}
