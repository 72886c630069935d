import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateWebhookRequest,
  ListWebhooksByProductRequest,
  ListWebhooksRequest,
  ResolveWebhookReceiveRequest,
  Subjects,
  UpdateWebhookRequest,
  WebhookTagRequest,
  type WebhookDefinition,
  type WebhookReceiveTarget,
} from '@switchboard/contracts';
import { WebhooksService } from './webhooks.service.js';

@Controller()
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @MessagePattern(Subjects.ConnectionWebhookCreate)
  create(@Payload() request: CreateWebhookRequest): Promise<WebhookDefinition> {
    return this.webhooks.create(request.workspace_id, request.product_tag, request.webhook);
  }

  @MessagePattern(Subjects.ConnectionWebhookList)
  list(@Payload() request: ListWebhooksRequest): Promise<WebhookDefinition[]> {
    return this.webhooks.list(request.workspace_id, request.product_tag);
  }

  @MessagePattern(Subjects.ConnectionWebhookListByProduct)
  listByProduct(@Payload() request: ListWebhooksByProductRequest): Promise<WebhookDefinition[]> {
    return this.webhooks.listByProduct(request.workspace_id, request.product_tag);
  }

  @MessagePattern(Subjects.ConnectionWebhookFetch)
  fetch(@Payload() request: WebhookTagRequest): Promise<WebhookDefinition> {
    return this.webhooks.fetch(request.workspace_id, request.product_tag, request.webhook_tag);
  }

  @MessagePattern(Subjects.ConnectionWebhookUpdate)
  update(@Payload() request: UpdateWebhookRequest): Promise<WebhookDefinition> {
    return this.webhooks.update(request.workspace_id, request.product_tag, request.webhook_tag, request.changes);
  }

  @MessagePattern(Subjects.ConnectionWebhookDelete)
  delete(@Payload() request: WebhookTagRequest): Promise<WebhookDefinition> {
    return this.webhooks.delete(request.workspace_id, request.product_tag, request.webhook_tag);
  }

  @MessagePattern(Subjects.ConnectionWebhookResolveReceive)
  resolveReceive(@Payload() request: ResolveWebhookReceiveRequest): Promise<WebhookReceiveTarget> {
    return this.webhooks.resolveReceive(request.receive_id);
  }
}
