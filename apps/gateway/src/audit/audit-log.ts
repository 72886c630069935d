import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AUDIT_LIST_DEFAULT_LIMIT, type AuditEventsQuery, type AuditEventView } from '@switchboard/contracts';
import { LessThan, Repository } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity.js';

export type AuditRecord = Omit<AuditEventEntity, 'id' | 'at'>;

const ID_PREFIX = 'aud_';

/** The workspace's administrative changes, newest first. */
@Injectable()
export class AuditLog {
  constructor(@InjectRepository(AuditEventEntity) private readonly repository: Repository<AuditEventEntity>) {}

  async record(event: AuditRecord): Promise<void> {
    await this.repository.insert(event);
  }

  async list(workspaceId: string, query: AuditEventsQuery): Promise<AuditEventView[]> {
    const before = query.before === undefined ? {} : { id: LessThan(query.before.slice(ID_PREFIX.length)) };
    const events = await this.repository.find({
      where: { workspaceId, ...before },
      order: { id: 'DESC' },
      take: query.limit ?? AUDIT_LIST_DEFAULT_LIMIT,
    });
    return events.map((event) => ({
      event_id: `${ID_PREFIX}${event.id}`,
      at: event.at.toISOString(),
      user_id: event.userId,
      key_id: event.keyId,
      ip: event.ip,
      operation: event.operation,
      path: event.path,
      resource: event.resource,
      status: event.status,
    }));
  }
}
