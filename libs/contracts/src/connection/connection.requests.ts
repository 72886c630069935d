import { Type } from 'class-transformer';
import { Matches, ValidateNested } from 'class-validator';
import { TAG_PATTERN, TAG_RULE } from '../common/patterns.js';
import { WorkspaceScopedRequest } from '../common/workspace-scoped.request.js';
import { AddConnectionBody, UpdateConnectionBody } from './connection.dto.js';

/** Requests about the connections of one product. */
export class ProductScopedRequest extends WorkspaceScopedRequest {
  @Matches(TAG_PATTERN, { message: `$property ${TAG_RULE}` })
  product_tag!: string;
}

/** `connection.access-tag.suggest`: a free access tag for connecting this app. */
export class SuggestAccessTagRequest extends ProductScopedRequest {
  @Matches(TAG_PATTERN, { message: `$property ${TAG_RULE}` })
  app_tag!: string;
}

/** `connection.connection.create` */
export class CreateConnectionRequest extends ProductScopedRequest {
  @ValidateNested()
  @Type(() => AddConnectionBody)
  connection!: AddConnectionBody;
}

/** `connection.connection.fetch` */
export class ConnectionTagRequest extends ProductScopedRequest {
  @Matches(TAG_PATTERN, { message: `$property ${TAG_RULE}` })
  access_tag!: string;
}

/** `connection.connection.update` */
export class UpdateConnectionRequest extends ConnectionTagRequest {
  @ValidateNested()
  @Type(() => UpdateConnectionBody)
  changes!: UpdateConnectionBody;
}

/** `connection.connection.list` */
export class ListConnectionsRequest extends ProductScopedRequest {}
