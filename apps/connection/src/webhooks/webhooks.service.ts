import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  ErrorCode,
  Events,
  WEBHOOK_DEFAULT_SCHEME,
  WEBHOOK_DEFAULT_TOLERANCE_SECONDS,
  type CreateWebhookBody,
  type ProductView,
  type UpdateWebhookBody,
  type WebhookDefinition,
  type WebhookReceiveTarget,
} from '@switchboard/contracts';
import { DomainError, EventPublisher, fieldFailure, findUnique, isUniqueViolation } from '@switchboard/platform';
import { DataSource, In, Repository, type EntityManager } from 'typeorm';
import { CatalogClient } from '../catalog/catalog.client.js';
import { ConnectionEntity } from '../connections/connection.entity.js';
import { ForwardUrlPolicy } from './forward-url-policy.js';
import { newReceiveId } from './receive-id.js';
import { signingSecretKeyOf } from './signing-secret.js';
import { WebhookEnvEntity } from './webhook-env.entity.js';
import { plannedHmac } from './webhook-hmac.plan.js';
import { WebhookEntity } from './webhook.entity.js';
import { toWebhookDefinition } from './webhook.view.js';

// One answer for every receive id that names nothing, so a sender learns nothing by trying ids.
const UNKNOWN_RECEIVE_ID = 'No webhook receives at this URL';

/** Webhook definitions: a product's signed inbound endpoints, each with one receive id per env. */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectRepository(WebhookEntity) private readonly webhooks: Repository<WebhookEntity>,
    @InjectRepository(WebhookEnvEntity) private readonly webhookEnvs: Repository<WebhookEnvEntity>,
    @InjectRepository(ConnectionEntity) private readonly connections: Repository<ConnectionEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: CatalogClient,
    private readonly forwardUrls: ForwardUrlPolicy,
    private readonly events: EventPublisher,
  ) {}

  /** Every check runs before the one write (the webhook and its envs in one transaction), so a refusal leaves nothing. */
  async create(workspaceId: string, productTag: string, body: CreateWebhookBody): Promise<WebhookDefinition> {
    const product = await this.catalog.fetchProduct(workspaceId, productTag);
    signingSecretKeyOf(body.signing_secret, body.tag);
    const scheme = body.scheme ?? WEBHOOK_DEFAULT_SCHEME;
    const hmac = plannedHmac(scheme, body.hmac, null);
    const envs = body.envs ?? product.envs.map((env) => env.slug);
    assertProductHasEnvs(product, envs);
    if (body.app !== undefined) await this.assertConnected(workspaceId, productTag, body.app);
    if (body.forward_url !== undefined) await this.forwardUrls.assertAllowed(workspaceId, body.forward_url);

    const webhook = this.webhooks.create({
      workspaceId,
      productTag,
      tag: body.tag,
      name: body.name,
      scheme,
      appAccessTag: body.app ?? null,
      signingSecret: body.signing_secret,
      forwardUrl: body.forward_url ?? null,
      toleranceSeconds: body.tolerance_seconds ?? WEBHOOK_DEFAULT_TOLERANCE_SECONDS,
      hmac,
      envs: envs.map((env, position) => ({ workspaceId, envSlug: env, receiveId: newReceiveId(), position })),
    });
    try {
      // save() writes the webhook and its cascaded envs in one transaction.
      await this.webhooks.save(webhook);
    } catch (error) {
      if (isUniqueViolation(error, 'webhooks_tag_unique')) {
        throw fieldFailure('tag', `tag: webhook '${body.tag}' already exists in product '${productTag}'`, ErrorCode.WebhookTagTaken, {
          tag: body.tag,
          product: productTag,
        });
      }
      throw error;
    }
    const created = toWebhookDefinition(webhook);
    this.publish(Events.WebhookCreated, workspaceId, created, created.envs.map((env) => env.receive_id));
    return created;
  }

  async fetch(workspaceId: string, productTag: string, tag: string): Promise<WebhookDefinition> {
    return toWebhookDefinition(await this.find(workspaceId, productTag, tag));
  }

  async list(workspaceId: string, productTag: string): Promise<WebhookDefinition[]> {
    await this.catalog.fetchProduct(workspaceId, productTag);
    return this.listByProduct(workspaceId, productTag);
  }

  /** The product's webhooks, whether or not the catalog still has the product (it asks this before changing it). */
  async listByProduct(workspaceId: string, productTag: string): Promise<WebhookDefinition[]> {
    const webhooks = await this.webhooks.find({ where: { workspaceId, productTag }, relations: { envs: true }, order: { createdAt: 'ASC', tag: 'ASC' } });
    return webhooks.map(toWebhookDefinition);
  }

  /**
   * Replaces the fields given. Envs kept keep their receive ids; envs dropped lose theirs for good; envs added get new
   * ones. All of it or nothing is written.
   */
  async update(workspaceId: string, productTag: string, tag: string, changes: UpdateWebhookBody): Promise<WebhookDefinition> {
    const current = await this.find(workspaceId, productTag, tag);
    if (changes.signing_secret !== undefined) signingSecretKeyOf(changes.signing_secret, tag);
    const scheme = changes.scheme ?? current.scheme;
    const hmac = plannedHmac(scheme, changes.hmac, current.hmac);
    if (changes.envs !== undefined) assertProductHasEnvs(await this.catalog.fetchProduct(workspaceId, productTag), changes.envs);
    if (typeof changes.app === 'string') await this.assertConnected(workspaceId, productTag, changes.app);
    if (typeof changes.forward_url === 'string') await this.forwardUrls.assertAllowed(workspaceId, changes.forward_url);

    const receiveIds = await this.dataSource.transaction(async (manager) => {
      // The row lock makes concurrent updates of one webhook apply one after the other, each over what the last left.
      await manager.findOneOrFail(WebhookEntity, { where: { id: current.id }, lock: { mode: 'pessimistic_write' } });
      const touched = changes.envs === undefined ? [] : await this.replaceEnvs(manager, current, changes.envs);
      await manager.update(WebhookEntity, { id: current.id }, { ...storedChangesOf(changes), scheme, hmac, updatedAt: new Date() });
      return touched;
    });
    const updated = await this.fetch(workspaceId, productTag, tag);
    this.publish(Events.WebhookUpdated, workspaceId, updated, [...new Set([...receiveIds, ...updated.envs.map((env) => env.receive_id)])]);
    return updated;
  }

  /** Deletes the webhook with its envs (they cascade); its receive ids answer `webhook_not_found` from then on. */
  async delete(workspaceId: string, productTag: string, tag: string): Promise<WebhookDefinition> {
    const webhook = await this.find(workspaceId, productTag, tag);
    const { affected } = await this.webhooks.delete({ id: webhook.id });
    // A concurrent delete of the same webhook won: answer as if this one had come second.
    if (!affected) await this.find(workspaceId, productTag, tag);
    const deleted = toWebhookDefinition(webhook);
    this.publish(Events.WebhookDeleted, workspaceId, deleted, deleted.envs.map((env) => env.receive_id));
    return deleted;
  }

  /** What the executor needs to verify and forward a receipt sent to `receiveId`. */
  async resolveReceive(receiveId: string): Promise<WebhookReceiveTarget> {
    const env = await findUnique(this.webhookEnvs, { where: { receiveId }, relations: { webhook: true } });
    if (!env) throw new DomainError(ErrorCode.WebhookNotFound, UNKNOWN_RECEIVE_ID, {});
    const { webhook } = env;
    const connection =
      webhook.appAccessTag === null
        ? null
        : await this.connections.findOne({ select: { appTag: true }, where: { workspaceId: webhook.workspaceId, productTag: webhook.productTag, accessTag: webhook.appAccessTag } });
    return {
      workspace_id: webhook.workspaceId,
      product: webhook.productTag,
      webhook: webhook.tag,
      env: env.envSlug,
      receive_id: env.receiveId,
      scheme: webhook.scheme,
      signing_secret: webhook.signingSecret,
      signing_secret_key: signingSecretKeyOf(webhook.signingSecret, webhook.tag),
      app: webhook.appAccessTag,
      app_tag: connection?.appTag ?? null,
      tolerance_seconds: webhook.toleranceSeconds,
      hmac: webhook.hmac,
      forward_url: webhook.forwardUrl,
    };
  }

  /** Sets the webhook's envs to `envs`, in that order; answers the receive ids of the envs it removed. */
  private async replaceEnvs(manager: EntityManager, webhook: WebhookEntity, envs: readonly string[]): Promise<string[]> {
    const stored = await manager.find(WebhookEnvEntity, { where: { webhook: { id: webhook.id } } });
    const removed = stored.filter((env) => !envs.includes(env.envSlug));
    if (removed.length > 0) await manager.delete(WebhookEnvEntity, { id: In(removed.map((env) => env.id)) });
    for (const [position, envSlug] of envs.entries()) {
      const kept = stored.find((env) => env.envSlug === envSlug);
      if (kept === undefined) {
        await manager.insert(WebhookEnvEntity, { workspaceId: webhook.workspaceId, webhook: { id: webhook.id }, envSlug, receiveId: newReceiveId(), position });
      } else if (kept.position !== position) {
        await manager.update(WebhookEnvEntity, { id: kept.id }, { position });
      }
    }
    return removed.map((env) => env.receiveId);
  }

  private async assertConnected(workspaceId: string, productTag: string, accessTag: string): Promise<void> {
    const connections = await this.connections.find({ select: { accessTag: true }, where: { workspaceId, productTag }, order: { accessTag: 'ASC' } });
    if (connections.some((connection) => connection.accessTag === accessTag)) return;
    const known = connections.length === 0 ? 'it has none' : `it has ${connections.map((connection) => connection.accessTag).join(', ')}`;
    throw fieldFailure('app', `app: product '${productTag}' has no connection with access tag '${accessTag}' (${known})`, ErrorCode.ConnectionNotFound, {
      access_tag: accessTag,
      product: productTag,
    });
  }

  private async find(workspaceId: string, productTag: string, tag: string): Promise<WebhookEntity> {
    const webhook = await findUnique(this.webhooks, { where: { workspaceId, productTag, tag }, relations: { envs: true } });
    if (!webhook) throw new DomainError(ErrorCode.WebhookNotFound, `Webhook '${tag}' not found in product '${productTag}'`, { webhook: tag, product: productTag });
    return webhook;
  }

  // Receive ids let the executor drop what it cached for exactly the ids that changed or went.
  private publish(event: string, workspaceId: string, webhook: WebhookDefinition, receiveIds: readonly string[]): void {
    this.events.publish(event, { workspace_id: workspaceId, product: webhook.product, webhook: webhook.tag, receive_ids: receiveIds });
  }
}

// The columns an update sets: only the fields given; a null app or forward URL removes it.
function storedChangesOf(changes: UpdateWebhookBody): Partial<WebhookEntity> {
  const stored: Partial<WebhookEntity> = {};
  if (changes.name !== undefined) stored.name = changes.name;
  if (changes.signing_secret !== undefined) stored.signingSecret = changes.signing_secret;
  if (changes.app !== undefined) stored.appAccessTag = changes.app;
  if (changes.forward_url !== undefined) stored.forwardUrl = changes.forward_url;
  if (changes.tolerance_seconds !== undefined) stored.toleranceSeconds = changes.tolerance_seconds;
  return stored;
}

function assertProductHasEnvs(product: ProductView, envs: readonly string[]): void {
  envs.forEach((env, index) => {
    if (product.envs.some((productEnv) => productEnv.slug === env)) return;
    const field = `envs.${index}`;
    const known = product.envs.map((productEnv) => productEnv.slug).join(', ');
    throw fieldFailure(field, `${field}: product '${product.tag}' has no env '${env}' (it has ${known})`, ErrorCode.ProductEnvNotFound, { product: product.tag, env });
  });
}
