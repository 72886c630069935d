import { Type } from 'class-transformer';
import { IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsTag } from '../common/validators.js';
import { ProductScopedRequest } from '../connection/connection.requests.js';
import { CreateWebhookBody } from './create-webhook.body.js';
import { UpdateWebhookBody } from './update-webhook.body.js';

/** `connection.webhook.create` */
export class CreateWebhookRequest extends ProductScopedRequest {
  @ValidateNested()
  @Type(() => CreateWebhookBody)
  webhook!: CreateWebhookBody;
}

/** `connection.webhook.list` */
export class ListWebhooksRequest extends ProductScopedRequest {}

/**
 * `connection.webhook.list-by-product`: the product's webhooks, without asking the catalog whether the product exists,
 * since the catalog asks this while it holds the product's row lock (before deleting it or renaming an env).
 */
export class ListWebhooksByProductRequest extends ProductScopedRequest {}

/** `connection.webhook.fetch` and `connection.webhook.delete` */
export class WebhookTagRequest extends ProductScopedRequest {
  @IsTag()
  webhook_tag!: string;
}

/** `connection.webhook.update` */
export class UpdateWebhookRequest extends WebhookTagRequest {
  @ValidateNested()
  @Type(() => UpdateWebhookBody)
  changes!: UpdateWebhookBody;
}

/**
 * `connection.webhook.resolve-receive`: the webhook and env a receive id belongs to. Not workspace-scoped: the id is
 * all a sender has. Any id that names nothing (malformed, deleted, never issued) is `webhook_not_found`.
 */
export class ResolveWebhookReceiveRequest {
  @MaxLength(128)
  @IsString()
  receive_id!: string;
}
