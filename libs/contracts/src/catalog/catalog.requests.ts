import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, Matches, ValidateNested } from 'class-validator';
import { TAG_PATTERN, TAG_RULE } from '../common/patterns.js';
import { WorkspaceScopedRequest } from '../common/workspace-scoped.request.js';
import { CreateAppBody } from './app.dto.js';
import { EnsureProductBody } from './product.dto.js';

/** `catalog.app.create` */
export class CreateAppRequest extends WorkspaceScopedRequest {
  @ValidateNested()
  @Type(() => CreateAppBody)
  app!: CreateAppBody;
}

/** `catalog.app.fetch` and `catalog.app.ensure` (which creates a bare app of that tag when absent). */
export class AppTagRequest extends WorkspaceScopedRequest {
  @Matches(TAG_PATTERN, { message: `$property ${TAG_RULE}` })
  app_tag!: string;
}

/** `catalog.app.list`: every app of the workspace, or only those tags. */
export class ListAppsRequest extends WorkspaceScopedRequest {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(TAG_PATTERN, { each: true, message: `$property ${TAG_RULE}` })
  app_tags?: string[];
}

/** `catalog.product.ensure` */
export class EnsureProductRequest extends WorkspaceScopedRequest {
  @Matches(TAG_PATTERN, { message: `$property ${TAG_RULE}` })
  product_tag!: string;

  @ValidateNested()
  @Type(() => EnsureProductBody)
  product!: EnsureProductBody;
}

/** `catalog.product.fetch` */
export class ProductTagRequest extends WorkspaceScopedRequest {
  @Matches(TAG_PATTERN, { message: `$property ${TAG_RULE}` })
  product_tag!: string;
}

/** `catalog.product.list` */
export class ListProductsRequest extends WorkspaceScopedRequest {}
