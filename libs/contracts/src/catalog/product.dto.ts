import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { HasAtLeast, IsEnvSlug, IsOmittable } from '../common/validators.js';

/** How many envs a product may have. */
export const PRODUCT_MAX_ENVS = 20;

/** One environment of a product (`dev`, `stg`, `prd`, or any other the team adds). */
export class ProductEnvInput {
  @IsEnvSlug()
  slug!: string;

  @IsOmittable()
  @Length(1, 100)
  @IsString()
  name?: string;

  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}

/** What a product is besides its tag and envs, on create as on update. */
export abstract class ProductParts {
  @IsOmittable()
  @Length(1, 200)
  @IsString()
  name?: string;

  @IsOmittable()
  @MaxLength(2000)
  @IsString()
  description?: string;
}

/** Body of `PUT /v1/products/:tag`: creates the product if absent; an existing one is returned as is. */
export class EnsureProductBody extends ProductParts {
  @IsOmittable()
  @HasAtLeast(1)
  @ArrayMaxSize(PRODUCT_MAX_ENVS)
  @ValidateNested({ each: true })
  @Type(() => ProductEnvInput)
  @IsArray()
  envs?: ProductEnvInput[];
}

/**
 * A change to one env a product has, named by its current `slug`: only the fields given change. `active: false`
 * deactivates the env (runs in it are refused with `product_env_inactive` until it is `true` again).
 */
export class ProductEnvChange extends ProductEnvInput {
  /** The env's new slug; refused while a connection maps the env, since connections name it by slug. */
  @IsOmittable()
  @IsEnvSlug()
  new_slug?: string;
}

/**
 * Body of `PATCH /v1/products/:product`: only what changes. `add_envs` are appended; each of `envs` changes the env of
 * its slug. A product's tag never changes (connections and run records name it).
 */
export class UpdateProductBody extends ProductParts {
  /** New envs, appended in this order; their slugs must be new to the product. */
  @IsOmittable()
  @ArrayMaxSize(PRODUCT_MAX_ENVS)
  @ValidateNested({ each: true })
  @Type(() => ProductEnvInput)
  @IsArray()
  add_envs?: ProductEnvInput[];

  /** Changes to envs the product has, each named by its current slug. */
  @IsOmittable()
  @ArrayMaxSize(PRODUCT_MAX_ENVS)
  @ValidateNested({ each: true })
  @Type(() => ProductEnvChange)
  @IsArray()
  envs?: ProductEnvChange[];
}

export interface ProductEnvView {
  slug: string;
  name: string;
  active: boolean;
}

export interface ProductView {
  tag: string;
  name: string;
  description: string;
  envs: ProductEnvView[];
  created_at: string;
  updated_at: string;
}

/** Reply of `catalog.product.ensure`: the product and whether this call created it. */
export interface EnsureProductReply {
  product: ProductView;
  created: boolean;
}
