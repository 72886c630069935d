import { ErrorCode, type ProductView, type UpdateProductBody } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { thrownBy } from '@switchboard/testing';
import { changesProduct, patchedProduct } from './product-patch.js';

const shop: ProductView = {
  tag: 'shop',
  name: 'Shop',
  description: '',
  envs: [
    { slug: 'dev', name: 'Development', active: true },
    { slug: 'prd', name: 'Production', active: true },
  ],
  created_at: '2025-01-01T00:00:00.000Z',
  updated_at: '2025-01-01T00:00:00.000Z',
};

describe('patchedProduct', () => {
  it('changes envs by slug in place, keeps the others, and appends the added ones', () => {
    const patched = patchedProduct(shop, {
      name: 'The shop',
      envs: [{ slug: 'dev', new_slug: 'development', active: false }],
      add_envs: [{ slug: 'qa', name: 'QA' }, { slug: 'stg' }],
    });
    expect(patched).toEqual({
      name: 'The shop',
      description: '',
      envs: [
        { from: 'dev', slug: 'development', name: 'Development', active: false },
        { from: 'prd', slug: 'prd', name: 'Production', active: true },
        { slug: 'qa', name: 'QA', active: true },
        { slug: 'stg', name: 'stg', active: true },
      ],
      slugChanges: [{ field: 'envs.0.new_slug', from: 'dev', to: 'development' }],
    });
    expect(changesProduct(shop, patched)).toBe(true);
  });

  it('reads a patch that gives what the product already is as no change, and a new_slug equal to the slug as no slug change', () => {
    const patched = patchedProduct(shop, { name: 'Shop', envs: [{ slug: 'dev', new_slug: 'dev', name: 'Development', active: true }] });
    expect(patched.slugChanges).toEqual([]);
    expect(changesProduct(shop, patched)).toBe(false);
  });

  it('sees a reactivation as a change', () => {
    const inactive = { ...shop, envs: [{ slug: 'dev', name: 'Development', active: false }] };
    expect(changesProduct(inactive, patchedProduct(inactive, { envs: [{ slug: 'dev', active: true }] }))).toBe(true);
  });

  it.each<[string, UpdateProductBody, string, string]>([
    ['an empty patch', {}, 'body', 'body must change something: name, description, add_envs or envs'],
    ['empty lists alone', { envs: [], add_envs: [] }, 'body', 'body must change something: name, description, add_envs or envs'],
    ['an unknown slug', { envs: [{ slug: 'qa', active: false }] }, 'envs.0.slug', "envs.0.slug names no env of product 'shop': 'qa' (it has dev, prd)"],
    ['a change that changes nothing', { envs: [{ slug: 'dev' }] }, 'envs.0', "envs.0 must change new_slug, name or active of env 'dev'"],
    ['one env changed twice', { envs: [{ slug: 'dev', active: false }, { slug: 'dev', name: 'Dev' }] }, 'envs.1.slug', "envs.1.slug 'dev' is already listed at envs.0"],
    ['a new slug the product has', { envs: [{ slug: 'dev', new_slug: 'prd' }] }, 'envs.0.new_slug', "envs.0.new_slug 'prd' is already an env of product 'shop'"],
    [
      'two envs renamed to one slug',
      { envs: [{ slug: 'dev', new_slug: 'live' }, { slug: 'prd', new_slug: 'live' }] },
      'envs.1.new_slug',
      "envs.1.new_slug 'live' is already listed at envs.0",
    ],
    ['an added slug the product has', { add_envs: [{ slug: 'prd' }] }, 'add_envs.0.slug', "add_envs.0.slug 'prd' is already an env of product 'shop'"],
    ['an added slug twice', { add_envs: [{ slug: 'qa' }, { slug: 'qa' }] }, 'add_envs.1.slug', "add_envs.1.slug 'qa' is already listed at add_envs.0"],
    [
      'an added slug another env is renamed to',
      { envs: [{ slug: 'dev', new_slug: 'qa' }], add_envs: [{ slug: 'qa' }] },
      'add_envs.0.slug',
      "add_envs.0.slug 'qa' is also given as envs.0.new_slug",
    ],
    [
      'more envs than a product may have',
      { add_envs: Array.from({ length: 19 }, (_, index) => ({ slug: `env${index}` })) },
      'add_envs',
      "add_envs would give product 'shop' 21 envs: a product has at most 20",
    ],
  ])('refuses %s with a 400 naming the field', (_case, patch, field, message) => {
    const error = thrownBy(() => patchedProduct(shop, patch), DomainError);
    expect([error.code, error.message, error.details]).toEqual([ErrorCode.ValidationFailed, message, { fields: [{ field, messages: [message] }] }]);
  });
});
