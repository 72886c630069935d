import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, Events, type ApiKeyView, type CreateApiKeyBody, type IssuedApiKeyView } from '@switchboard/contracts';
import { DomainError, EventPublisher, fieldFailure, findUnique } from '@switchboard/platform';
import { type EntityManager, Repository } from 'typeorm';
import { keyViewOf } from '../members/member-views.js';
import { generateId, generatePrivateKey, hashPrivateKey, isGeneratedId } from '../workspaces/private-key.js';
import type { UserEntity } from '../workspaces/user.entity.js';
import { ApiKeyEntity } from './api-key.entity.js';

/** A member's API keys: issued, rotated and revoked here, checked on each call by CredentialVerifier. */
@Injectable()
export class ApiKeysService {
  constructor(
    @InjectRepository(ApiKeyEntity) private readonly repository: Repository<ApiKeyEntity>,
    private readonly events: EventPublisher,
  ) {}

  async list(member: UserEntity): Promise<ApiKeyView[]> {
    const keys = await this.repository.find({ where: { userId: member.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    return keys.map(keyViewOf);
  }

  create(member: UserEntity, body: CreateApiKeyBody): Promise<IssuedApiKeyView> {
    return this.issue(this.repository.manager, member, body);
  }

  /** A new key for the member, written with `manager` (a transaction when the member is new); its secret part is shown once. */
  async issue(manager: EntityManager, member: UserEntity, body: CreateApiKeyBody): Promise<IssuedApiKeyView> {
    const expiresAt = body.expires_at === undefined ? null : new Date(body.expires_at);
    if (expiresAt && expiresAt.getTime() <= Date.now()) throw fieldFailure('expires_at', 'expires_at must be in the future');
    const privateKey = generatePrivateKey();
    const key = manager.create(ApiKeyEntity, {
      id: generateId('key'),
      userId: member.id,
      workspaceId: member.workspaceId,
      name: body.name,
      keyHash: hashPrivateKey(privateKey),
      expiresAt,
      lastUsedAt: null,
      rotatedAt: null,
    });
    return { ...keyViewOf(await manager.save(key)), private_key: privateKey };
  }

  /** Replaces the key's secret part: the old one is refused from now on, on every replica. */
  async rotate(member: UserEntity, keyId: string): Promise<IssuedApiKeyView> {
    const key = await this.key(member, keyId);
    const privateKey = generatePrivateKey();
    Object.assign(key, { keyHash: hashPrivateKey(privateKey), rotatedAt: new Date() });
    const saved = await this.repository.save(key);
    this.events.publish(Events.ApiKeyChanged, { workspace_id: member.workspaceId, key_id: keyId });
    return { ...keyViewOf(saved), private_key: privateKey };
  }

  async revoke(member: UserEntity, keyId: string): Promise<ApiKeyView> {
    const key = await this.key(member, keyId);
    await this.repository.delete({ id: keyId, userId: member.id });
    this.events.publish(Events.ApiKeyChanged, { workspace_id: member.workspaceId, key_id: keyId });
    return keyViewOf(key);
  }

  private async key(member: UserEntity, keyId: string): Promise<ApiKeyEntity> {
    const key = isGeneratedId(keyId) ? await findUnique(this.repository, { where: { id: keyId, userId: member.id } }) : null;
    if (!key) throw new DomainError(ErrorCode.ApiKeyNotFound, `No API key ${keyId} of member ${member.id}`, { key_id: keyId, user_id: member.id });
    return key;
  }
}
