import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { HasAtLeast, IsEnvSlug, IsOmittable } from '../common/validators.js';

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

/** Body of `PUT /v1/products/:tag`: creates the product if absent; an existing one is returned as is. */
export class EnsureProductBody {
  @IsOmittable()
  @Length(1, 200)
  @IsString()
  name?: string;

  @IsOmittable()
  @MaxLength(2000)
  @IsString()
  description?: string;

  @IsOmittable()
  @HasAtLeast(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ProductEnvInput)
  @IsArray()
  envs?: ProductEnvInput[];
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
