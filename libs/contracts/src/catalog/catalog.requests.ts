import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import { IsOmittable, IsTag } from '../common/validators.js';
import { WorkspaceScopedRequest } from '../common/workspace-scoped.request.js';
import { CreateAppBody, UpdateAppBody } from './app.dto.js';
import { EnsureProductBody, UpdateProductBody } from './product.dto.js';

/** `catalog.app.create` */
export class CreateAppRequest extends WorkspaceScopedRequest {
  @ValidateNested()
  @Type(() => CreateAppBody)
  app!: CreateAppBody;
}

/** `catalog.app.fetch`, `catalog.app.delete` and `catalog.app.ensure` (which creates a bare app of that tag when absent). */
export class AppTagRequest extends WorkspaceScopedRequest {
  @IsTag()
  app_tag!: string;
}

/** `catalog.action.fetch`: the app with that one action (see AppWithActionView). */
export class ActionTagRequest extends AppTagRequest {
  @IsTag()
  action_tag!: string;
}

/** `catalog.app.list`: every app of the workspace, or only those tags. */
export class ListAppsRequest extends WorkspaceScopedRequest {
  @IsOmittable()
  @ArrayMaxSize(1000)
  @IsTag({ each: true })
  @IsArray()
  app_tags?: string[];
}

/** `catalog.product.ensure` */
export class EnsureProductRequest extends WorkspaceScopedRequest {
  @IsTag()
  product_tag!: string;

  @ValidateNested()
  @Type(() => EnsureProductBody)
  product!: EnsureProductBody;
}

/** `catalog.product.fetch` and `catalog.product.delete` */
export class ProductTagRequest extends WorkspaceScopedRequest {
  @IsTag()
  product_tag!: string;
}

/** `catalog.product.update` */
export class UpdateProductRequest extends WorkspaceScopedRequest {
  @IsTag()
  product_tag!: string;

  @ValidateNested()
  @Type(() => UpdateProductBody)
  product!: UpdateProductBody;
}

/** `catalog.product.list` */
export class ListProductsRequest extends WorkspaceScopedRequest {}

/** `catalog.app.update` */
export class UpdateAppRequest extends WorkspaceScopedRequest {
  @IsTag()
  app_tag!: string;

  @ValidateNested()
  @Type(() => UpdateAppBody)
  app!: UpdateAppBody;
}
