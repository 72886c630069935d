import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, Events, Role, type CreateMemberBody, type CreatedMemberView, type MemberView, type UpdateMemberBody } from '@switchboard/contracts';
import { DomainError, EventPublisher, findUnique } from '@switchboard/platform';
import { Repository } from 'typeorm';
import { ApiKeysService } from '../keys/api-keys.service.js';
import { generateId, isGeneratedId } from '../workspaces/private-key.js';
import { UserEntity } from '../workspaces/user.entity.js';
import { memberViewOf } from './member-views.js';

export function memberNotFound(userId: string): DomainError {
  return new DomainError(ErrorCode.MemberNotFound, `No member ${userId} in this workspace`, { user_id: userId });
}

/** A workspace's members: who they are and their role. Their keys are ApiKeysService's. */
@Injectable()
export class MembersService {
  constructor(
    @InjectRepository(UserEntity) private readonly repository: Repository<UserEntity>,
    private readonly keys: ApiKeysService,
    private readonly events: EventPublisher,
  ) {}

  async list(workspaceId: string): Promise<MemberView[]> {
    const members = await this.repository.find({ where: { workspaceId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return members.map(memberViewOf);
  }

  async fetch(workspaceId: string, userId: string): Promise<MemberView> {
    return memberViewOf(await this.member(workspaceId, userId));
  }

  /** Adds a member with their first key, in one transaction: a member is never left without a way in. */
  async create(workspaceId: string, body: CreateMemberBody): Promise<CreatedMemberView> {
    return this.repository.manager.transaction(async (tx) => {
      const member = tx.create(UserEntity, { id: generateId('usr'), workspaceId, name: body.name, role: body.role });
      const saved = await tx.save(member);
      const key = await this.keys.issue(tx, saved, { name: 'first key' });
      return { workspace_id: workspaceId, ...memberViewOf(saved), key };
    });
  }

  async update(workspaceId: string, userId: string, changes: UpdateMemberBody): Promise<MemberView> {
    const member = await this.member(workspaceId, userId);
    if (changes.role !== undefined && changes.role !== member.role && member.role === Role.Owner) throw ownerProtected(userId, 'change the role of');
    Object.assign(member, changes.name === undefined ? {} : { name: changes.name }, changes.role === undefined ? {} : { role: changes.role });
    const saved = await this.repository.save(member);
    this.events.publish(Events.MemberChanged, { workspace_id: workspaceId, user_id: userId });
    return memberViewOf(saved);
  }

  /** Removes a member with their keys and sessions; every replica refuses them from the next call on. */
  async remove(workspaceId: string, userId: string): Promise<MemberView> {
    const member = await this.member(workspaceId, userId);
    if (member.role === Role.Owner) throw ownerProtected(userId, 'remove');
    await this.repository.delete({ id: userId, workspaceId });
    this.events.publish(Events.MemberChanged, { workspace_id: workspaceId, user_id: userId });
    return memberViewOf(member);
  }

  /**
   * The member of the workspace with that id; another workspace's member is not found, like one that never was, and so
   * is a string no id looks like (a NUL byte would not even reach PostgreSQL).
   */
  async member(workspaceId: string, userId: string): Promise<UserEntity> {
    const member = isGeneratedId(userId) ? await findUnique(this.repository, { where: { id: userId, workspaceId } }) : null;
    if (!member) throw memberNotFound(userId);
    return member;
  }
}

function ownerProtected(userId: string, what: string): DomainError {
  return new DomainError(ErrorCode.OwnerProtected, `Cannot ${what} ${userId}: the workspace's owner keeps that role and cannot be removed`, { user_id: userId });
}
