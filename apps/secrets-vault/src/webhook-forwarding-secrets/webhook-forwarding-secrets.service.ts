import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Events, type WebhookForwardingSecretView } from '@switchboard/contracts';
import { EventPublisher } from '@switchboard/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { removeUnreferencedValue } from '../storage/unreferenced-values.js';
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
 * encrypted in the value store like every secret value, and the same for every later caller until a rotation, whose
 * replaced secret still signs beside the new one for the overlap it was given.
 */
@Injectable()
export class WebhookForwardingSecretsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SECRET_VALUE_STORE) private readonly store: SecretValueStore,
    private readonly events: EventPublisher,
  ) {}

  async ensure(owner: ForwardingSecretOwner): Promise<WebhookForwardingSecretView> {
    const existing = await this.dataSource.manager.findOne(WebhookForwardingSecretEntity, { where: owner });
    return this.#viewOf(existing ?? (await this.dataSource.transaction((manager) => this.#lockedOrMade(manager, owner))));
  }

  /**
   * Makes a new secret; the one it replaces signs beside it until `overlapSeconds` from now. A secret replaced by an
   * earlier rotation goes for good, overlap or not: two secrets at most sign an event.
   */
  async rotate(owner: ForwardingSecretOwner, overlapSeconds: number): Promise<WebhookForwardingSecretView> {
    let dropped: string | null = null;
    const rotated = await this.dataSource.transaction(async (manager) => {
      const row = await this.#lockedOrMade(manager, owner);
      // Removed once the row no longer points to it: a rotation that fails keeps both secrets signing.
      dropped = row.previousValueId;
      const valueId = randomUUID();
      await this.store.write({ workspaceId: owner.workspaceId, valueId }, newSecret(), manager);
      // The database's clock, like created_at's, so the overlap and the creation time agree. In a CTE: TypeORM hands
      // back a bare UPDATE … RETURNING as [rows, count].
      const [updated] = await manager.query<{ created_at: Date; previous_expires_at: Date }[]>(
        `WITH rotated AS (
           UPDATE secrets_vault.webhook_forwarding_secrets
              SET previous_value_id = value_id, value_id = $2, created_at = now(), previous_expires_at = now() + make_interval(secs => $3::float8)
            WHERE id = $1 RETURNING created_at, previous_expires_at
         ) SELECT created_at, previous_expires_at FROM rotated`,
        [row.id, valueId, overlapSeconds],
      );
      if (updated === undefined) throw new Error(`forwarding secret ${row.id} vanished under its lock`);
      return { ...row, previousValueId: row.valueId, valueId, createdAt: updated.created_at, previousExpiresAt: updated.previous_expires_at };
    });
    if (dropped !== null) await removeUnreferencedValue(this.store, { workspaceId: owner.workspaceId, valueId: dropped }, 'a retired forwarding secret');
    this.events.publish(Events.WebhookForwardingSecretRotated, { workspace_id: owner.workspaceId, product: owner.product, webhook: owner.webhook });
    return this.#viewOf(rotated);
  }

  async #viewOf(row: WebhookForwardingSecretEntity): Promise<WebhookForwardingSecretView> {
    const read = (valueId: string): Promise<string> => this.store.read({ workspaceId: row.workspaceId, valueId });
    const { previousValueId, previousExpiresAt } = row;
    const overlapping = previousValueId !== null && previousExpiresAt !== null && previousExpiresAt.getTime() > Date.now();
    return {
      secret: await read(row.valueId),
      created_at: row.createdAt.toISOString(),
      previous: overlapping ? { secret: await read(previousValueId), expires_at: previousExpiresAt.toISOString() } : null,
    };
  }

  // Under an advisory lock: two first uses at once (the executor's first delivery and the product's first read) must
  // make one secret, and two rotations at once must each replace the other's.
  async #lockedOrMade(manager: EntityManager, owner: ForwardingSecretOwner): Promise<WebhookForwardingSecretEntity> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`webhook-forwarding-secret:${owner.workspaceId}:${owner.product}:${owner.webhook}`]);
    const made = await manager.findOne(WebhookForwardingSecretEntity, { where: owner });
    if (made) return made;
    const valueId = randomUUID();
    await this.store.write({ workspaceId: owner.workspaceId, valueId }, newSecret(), manager);
    return manager.save(manager.create(WebhookForwardingSecretEntity, { ...owner, valueId, previousValueId: null, previousExpiresAt: null }));
  }
}

function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}
