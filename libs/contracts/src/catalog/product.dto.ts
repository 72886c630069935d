import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ENV_SLUG_PATTERN, ENV_SLUG_RULE } from '../common/patterns.js';

/** One environment of a product (`dev`, `stg`, `prd`, or any other the team adds). */
export class ProductEnvInput {
  @Matches(ENV_SLUG_PATTERN, { message: `$property ${ENV_SLUG_RULE}` })
  slug!: string;

  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** Body of `PUT /v1/products/:tag`: creates the product if absent; an existing one is returned as is. */
export class EnsureProductBody {
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ProductEnvInput)
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
