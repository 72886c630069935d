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

  async record(manager: EntityManager, records: SecretAuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    await manager.insert(
      SecretAuditEntity,
      records.map((record) => ({
        workspaceId: record.workspaceId,
        key: record.key,
        action: record.action,
        version: record.version ?? null,
        userId: record.userId ?? null,
        app: record.app ?? null,
        accessTag: record.accessTag ?? null,
        env: record.env ?? null,
        runId: record.runId ?? null,
      })),
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
