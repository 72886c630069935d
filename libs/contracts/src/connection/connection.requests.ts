import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { IsTag } from '../common/validators.js';
import { WorkspaceScopedRequest } from '../common/workspace-scoped.request.js';
import { AddConnectionBody, UpdateConnectionBody } from './connection.dto.js';

/** Requests about the connections of one product. */
export class ProductScopedRequest extends WorkspaceScopedRequest {
  @IsTag()
  product_tag!: string;
}

/**
 * `connection.app.connect`: prepares connecting an app to the product, registering it in the catalog if nobody has,
 * and answers a free access tag for it.
 */
export class ConnectAppRequest extends ProductScopedRequest {
  @IsTag()
  app_tag!: string;
}

/** `connection.connection.create` */
export class CreateConnectionRequest extends ProductScopedRequest {
  @ValidateNested()
  @Type(() => AddConnectionBody)
  connection!: AddConnectionBody;
}

/** `connection.connection.fetch` and `connection.connection.delete` */
export class ConnectionTagRequest extends ProductScopedRequest {
  @IsTag()
  access_tag!: string;
}

/** `connection.connection.update` */
export class UpdateConnectionRequest extends ConnectionTagRequest {
  @ValidateNested()
  @Type(() => UpdateConnectionBody)
  changes!: UpdateConnectionBody;
}

/** `connection.connection.list-by-app`: every connection of the workspace, in any product, to that app. */
export class ListConnectionsByAppRequest extends WorkspaceScopedRequest {
  @IsTag()
  app_tag!: string;
}

/** `connection.connection.list` */
export class ListConnectionsRequest extends ProductScopedRequest {}

/**
 * `connection.connection.list-by-product`: the product's connections, without asking the catalog whether the product
 * exists, since the catalog asks this while it holds the product's row lock.
 */
export class ListConnectionsByProductRequest extends ProductScopedRequest {}
