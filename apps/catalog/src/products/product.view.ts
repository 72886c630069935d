import type { ProductView } from '@switchboard/contracts';
import type { ProductEntity } from './product.entity.js';

/** The wire form of a product with its envs in declaration order. */
export function toProductView(product: ProductEntity): ProductView {
  return {
    tag: product.tag,
    name: product.name,
    description: product.description,
    envs: [...(product.envs ?? [])]
      .sort((a, b) => a.position - b.position)
      .map((env) => ({ slug: env.slug, name: env.name, active: env.active })),
    created_at: product.createdAt.toISOString(),
    updated_at: product.updatedAt.toISOString(),
  };
}
