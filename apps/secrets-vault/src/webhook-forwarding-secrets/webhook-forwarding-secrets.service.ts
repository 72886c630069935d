import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { WebhookForwardingSecretView } from '@switchboard/contracts';
import { DataSource } from 'typeorm';
import { SECRET_VALUE_STORE, type SecretValueStore } from '../storage/secret-value-store.js';
import { WebhookForwardingSecretEntity } from './webhook-forwarding-secret.entity.js';

/** Identifies one webhook's forwarding secret. */
export interface ForwardingSecretOwner {
  workspaceId: string;
  product: string;
  webhook: string;
}

/**
 * Forwarding secrets: made on first use (`whsec_` and 32 random bytes in base64, the Standard Webhooks format), kept
 * encrypted in the value store like every secret value, and the same for every later caller.
 */
@Injectable()
export class WebhookForwardingSecretsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SECRET_VALUE_STORE) private readonly store: SecretValueStore,
  ) {}

  async ensure(owner: ForwardingSecretOwner): Promise<WebhookForwardingSecretView> {
    const existing = await this.dataSource.manager.findOne(WebhookForwardingSecretEntity, { where: owner });
    const row = existing ?? (await this.#create(owner));
    return { secret: await this.store.read({ workspaceId: owner.workspaceId, valueId: row.valueId }), created_at: row.createdAt.toISOString() };
  }

  // Two first uses at once (the executor's first delivery and the product's first read) must make one secret.
  async #create(owner: ForwardingSecretOwner): Promise<WebhookForwardingSecretEntity> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`webhook-forwarding-secret:${owner.workspaceId}:${owner.product}:${owner.webhook}`]);
      const made = await manager.findOne(WebhookForwardingSecretEntity, { where: owner });
      if (made) return made;
      const valueId = randomUUID();
      await this.store.write({ workspaceId: owner.workspaceId, valueId }, `whsec_${randomBytes(32).toString('base64')}`, manager);
      return manager.save(manager.create(WebhookForwardingSecretEntity, { ...owner, valueId }));
    });
  }
}
