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
} from '@switchboard/contracts';
import { assertUniqueKeys, DomainError, EventPublisher, isUniqueViolation } from '@switchboard/platform';
import { Repository } from 'typeorm';
import { ProductEntity } from './product.entity.js';
import { toProductView } from './product.view.js';

/** Products: what a team builds, with its environments. */
@Injectable()
export class ProductsService {
  constructor(
    @InjectRepository(ProductEntity) private readonly products: Repository<ProductEntity>,
    private readonly events: EventPublisher,
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
    if (!product) throw new DomainError(ErrorCode.ProductNotFound, `Product '${tag}' not found`, { product: tag });
    return toProductView(product);
  }

  async list(workspaceId: string): Promise<ProductView[]> {
    const products = await this.products.find({ where: { workspaceId }, relations: { envs: true }, order: { tag: 'ASC' } });
    return products.map(toProductView);
  }

  private find(workspaceId: string, tag: string): Promise<ProductEntity | null> {
    return this.products.findOne({ where: { workspaceId, tag }, relations: { envs: true } });
  }
}
