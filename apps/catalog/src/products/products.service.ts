import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DEFAULT_PRODUCT_ENVS,
  ErrorCode,
  Events,
  type EnsureProductBody,
  type ProductEnvInput,
  type EnsureProductReply,
  type ProductView,
  type UpdateProductBody,
} from '@switchboard/contracts';
import { assertUniqueKeys, DomainError, EventPublisher, findUnique, isUniqueViolation } from '@switchboard/platform';
import { Repository, type EntityManager } from 'typeorm';
import { ConnectionUses, stillConnected, stillReceivingWebhooks } from '../connection-uses/connection-uses.js';
import { ProductEnvEntity } from './product-env.entity.js';
import { changesProduct, patchedProduct, type ProductEnvSlugChange } from './product-patch.js';
import { ProductEntity } from './product.entity.js';
import { toProductView } from './product.view.js';

/** Products: what a team builds, with its environments. */
@Injectable()
export class ProductsService {
  constructor(
    @InjectRepository(ProductEntity) private readonly products: Repository<ProductEntity>,
    private readonly events: EventPublisher,
    private readonly connectionUses: ConnectionUses,
  ) {}

  /** Creates the product when absent; an existing product is returned unchanged, so `init` can be called at every start. */
  async ensure(workspaceId: string, tag: string, body: EnsureProductBody): Promise<EnsureProductReply> {
    const envs: readonly ProductEnvInput[] = body.envs ?? DEFAULT_PRODUCT_ENVS;
    assertUniqueKeys(envs, (env) => env.slug, 'envs', 'slug');
    const existing = await this.find(workspaceId, tag);
    if (existing) return { product: toProductView(existing), created: false };

    const product = this.products.create({
      workspaceId,
      tag,
      name: body.name ?? tag,
      description: body.description ?? '',
      envs: envs.map((env, position) => ({
        workspaceId,
        slug: env.slug,
        name: env.name ?? env.slug,
        active: env.active ?? true,
        position,
      })),
    });
    try {
      await this.products.save(product);
    } catch (error) {
      // Two first `init` calls racing: the loser returns what the winner created.
      if (isUniqueViolation(error, 'products_workspace_tag_unique')) {
        return { product: await this.fetch(workspaceId, tag), created: false };
      }
      throw error;
    }
    this.events.publish(Events.ProductCreated, { workspace_id: workspaceId, product: tag });
    return { product: await this.fetch(workspaceId, tag), created: true };
  }

  async fetch(workspaceId: string, tag: string): Promise<ProductView> {
    const product = await this.find(workspaceId, tag);
    if (!product) throw productNotFound(tag);
    return toProductView(product);
  }

  /**
   * Applies a `PATCH /v1/products/:product` in one transaction under the product's row lock: name, description, envs
   * added, and envs renamed or (de)activated by slug. A slug change is refused with `product_env_in_use` while a
   * connection maps that env or a webhook receives in it, since both name product envs by slug. A patch that changes nothing writes and
   * publishes nothing; any other publishes `events.catalog.product.updated`.
   */
  async update(workspaceId: string, tag: string, patch: UpdateProductBody): Promise<ProductView> {
    const changed = await this.products.manager.transaction(async (manager) => {
      const product = await this.lockedProduct(manager, workspaceId, tag);
      const current = toProductView(product);
      const patched = patchedProduct(current, patch);
      if (!changesProduct(current, patched)) return false;
      await this.assertEnvsUnconnected(workspaceId, tag, patched.slugChanges);

      const changedEnvs = product.envs.flatMap((row) => {
        const next = patched.envs.find((env) => env.from === row.slug);
        if (!next || (next.slug === row.slug && next.name === row.name && next.active === row.active)) return [];
        return [Object.assign(row, { slug: next.slug, name: next.name, active: next.active })];
      });
      await manager.save(changedEnvs);
      const nextPosition = Math.max(-1, ...product.envs.map((env) => env.position)) + 1;
      const added = patched.envs.filter((env) => env.from === undefined);
      if (added.length > 0) {
        await manager.insert(
          ProductEnvEntity,
          added.map((env, index) => ({ workspaceId, product: { id: product.id }, slug: env.slug, name: env.name, active: env.active, position: nextPosition + index })),
        );
      }
      // A change of an env alone is a change of the product too.
      await manager.update(ProductEntity, { id: product.id }, { name: patched.name, description: patched.description, updatedAt: () => 'now()' });
      return true;
    });
    if (changed) this.events.publish(Events.ProductUpdated, { workspace_id: workspaceId, product: tag });
    return this.fetch(workspaceId, tag);
  }

  /**
   * Deletes a product with its envs, refused with `product_in_use` (naming its access tags, or its webhooks' tags)
   * while it has connections or webhooks.
   * The connection service is asked under the product's row lock, as for apps: see "Deleting an app or a product" in
   * docs/architecture.md for the window that leaves.
   */
  async delete(workspaceId: string, tag: string): Promise<ProductView> {
    const deleted = await this.products.manager.transaction(async (manager) => {
      const product = await this.lockedProduct(manager, workspaceId, tag);
      const connections = await this.connectionUses.ofProduct(workspaceId, tag);
      if (connections.length > 0) throw stillConnected({ code: ErrorCode.ProductInUse, subject: `Product '${tag}'`, details: { product: tag } }, connections);
      const webhooks = await this.connectionUses.webhooksOfProduct(workspaceId, tag);
      if (webhooks.length > 0) throw stillReceivingWebhooks({ code: ErrorCode.ProductInUse, subject: `Product '${tag}'`, details: { product: tag } }, webhooks);
      await manager.delete(ProductEntity, { id: product.id });
      return toProductView(product);
    });
    this.events.publish(Events.ProductDeleted, { workspace_id: workspaceId, product: tag });
    return deleted;
  }

  async list(workspaceId: string): Promise<ProductView[]> {
    const products = await this.products.find({ where: { workspaceId }, relations: { envs: true }, order: { tag: 'ASC' } });
    return products.map(toProductView);
  }

  private find(workspaceId: string, tag: string): Promise<ProductEntity | null> {
    return findUnique(this.products, { where: { workspaceId, tag }, relations: { envs: true } });
  }

  // The row stays locked until the transaction ends, so two changes of one product apply one after the other.
  private async lockedProduct(manager: EntityManager, workspaceId: string, tag: string): Promise<ProductEntity> {
    const product = await manager.findOne(ProductEntity, { where: { workspaceId, tag }, lock: { mode: 'pessimistic_write' } });
    if (!product) throw productNotFound(tag);
    // A locking read cannot join the envs (an outer join), so they are read under the lock afterwards.
    product.envs = await manager.find(ProductEnvEntity, { where: { product: { id: product.id } } });
    return product;
  }

  private async assertEnvsUnconnected(workspaceId: string, tag: string, slugChanges: readonly ProductEnvSlugChange[]): Promise<void> {
    if (slugChanges.length === 0) return;
    const [connections, webhooks] = await Promise.all([this.connectionUses.ofProduct(workspaceId, tag), this.connectionUses.webhooksOfProduct(workspaceId, tag)]);
    for (const change of slugChanges) {
      const refusal = { code: ErrorCode.ProductEnvInUse, subject: `env '${change.from}' of product '${tag}'`, details: { product: tag, env: change.from }, field: change.field };
      const mapping = connections.filter((connection) => connection.envs.some((env) => env.product_env_slug === change.from));
      if (mapping.length > 0) throw stillConnected(refusal, mapping);
      const receiving = webhooks.filter((webhook) => webhook.envs.some((env) => env.env === change.from));
      if (receiving.length > 0) throw stillReceivingWebhooks(refusal, receiving);
    }
  }
}

const productNotFound = (tag: string): DomainError => new DomainError(ErrorCode.ProductNotFound, `Product '${tag}' not found`, { product: tag });
