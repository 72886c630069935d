import { PRODUCT_MAX_ENVS, type ProductEnvView, type ProductView, type UpdateProductBody } from '@switchboard/contracts';
import { assertUniqueKeys, BODY_FIELD, fieldFailure } from '@switchboard/platform';

/** One env after a patch: `from` is its slug before it, absent for an added env. */
export interface PatchedProductEnv extends ProductEnvView {
  from?: string;
}

/** A slug an env changes, with the field that asked for it (connections name envs by slug, so it needs a check). */
export interface ProductEnvSlugChange {
  field: string;
  from: string;
  to: string;
}

/** What a product is after `PATCH /v1/products/:product`, checked whole before anything is written. */
export interface PatchedProduct {
  name: string;
  description: string;
  /** The envs kept in their order, then the added ones. */
  envs: PatchedProductEnv[];
  slugChanges: ProductEnvSlugChange[];
}

/**
 * Applies a patch to a product's view. Refuses (400 naming the field) an empty patch, an env change naming a slug
 * the product lacks or changing nothing, and any slug that would be taken twice. A slug the product has before the
 * patch is never given to another env in it, so the writes never meet the unique constraint half-way.
 */
export function patchedProduct(current: ProductView, patch: UpdateProductBody): PatchedProduct {
  const changes = patch.envs ?? [];
  const additions = patch.add_envs ?? [];
  if (patch.name === undefined && patch.description === undefined && changes.length === 0 && additions.length === 0) {
    throw fieldFailure(BODY_FIELD, `${BODY_FIELD} must change something: name, description, add_envs or envs`);
  }
  const slugs = new Set(current.envs.map((env) => env.slug));
  const taken = (slug: string): string => `'${slug}' is already an env of product '${current.tag}'`;

  assertUniqueKeys(changes, (change) => change.slug, 'envs', 'slug');
  assertUniqueKeys(changes, (change) => change.new_slug, 'envs', 'new_slug');
  const slugChanges: ProductEnvSlugChange[] = [];
  changes.forEach((change, index) => {
    const field = `envs.${index}`;
    if (!slugs.has(change.slug)) {
      throw fieldFailure(`${field}.slug`, `${field}.slug names no env of product '${current.tag}': '${change.slug}' (it has ${[...slugs].join(', ')})`);
    }
    if (change.new_slug === undefined && change.name === undefined && change.active === undefined) {
      throw fieldFailure(field, `${field} must change new_slug, name or active of env '${change.slug}'`);
    }
    if (change.new_slug === undefined || change.new_slug === change.slug) return;
    if (slugs.has(change.new_slug)) throw fieldFailure(`${field}.new_slug`, `${field}.new_slug ${taken(change.new_slug)}`);
    slugChanges.push({ field: `${field}.new_slug`, from: change.slug, to: change.new_slug });
  });

  assertUniqueKeys(additions, (env) => env.slug, 'add_envs', 'slug');
  additions.forEach((env, index) => {
    const field = `add_envs.${index}.slug`;
    if (slugs.has(env.slug)) throw fieldFailure(field, `${field} ${taken(env.slug)}`);
    const renamed = slugChanges.find((change) => change.to === env.slug);
    if (renamed) throw fieldFailure(field, `${field} '${env.slug}' is also given as ${renamed.field}`);
  });
  const total = current.envs.length + additions.length;
  if (total > PRODUCT_MAX_ENVS) {
    throw fieldFailure('add_envs', `add_envs would give product '${current.tag}' ${total} envs: a product has at most ${PRODUCT_MAX_ENVS}`);
  }

  const changesBySlug = new Map(changes.map((change) => [change.slug, change]));
  return {
    name: patch.name ?? current.name,
    description: patch.description ?? current.description,
    envs: [
      ...current.envs.map((env) => {
        const change = changesBySlug.get(env.slug);
        return { from: env.slug, slug: change?.new_slug ?? env.slug, name: change?.name ?? env.name, active: change?.active ?? env.active };
      }),
      ...additions.map((env) => ({ slug: env.slug, name: env.name ?? env.slug, active: env.active ?? true })),
    ],
    slugChanges,
  };
}

/** Whether a patched product differs from what is stored: a patch that changes nothing writes and publishes nothing. */
export function changesProduct(current: ProductView, patched: PatchedProduct): boolean {
  if (patched.name !== current.name || patched.description !== current.description) return true;
  if (patched.envs.length !== current.envs.length) return true;
  return patched.envs.some((env, index) => {
    const before = current.envs[index];
    return before === undefined || env.slug !== before.slug || env.name !== before.name || env.active !== before.active;
  });
}
