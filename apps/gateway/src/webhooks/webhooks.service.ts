import { Injectable } from '@nestjs/common';
import { Subjects, type CreateWebhookBody, type UpdateWebhookBody, type Webhook, type WebhookDefinition } from '@switchboard/contracts';
import { NatsRequester } from '@switchboard/platform';

/** Asks the connection service, which owns webhook definitions, and adds each env's receive URL under `publicBase`. */
@Injectable()
export class WebhooksService {
  constructor(private readonly nats: NatsRequester) {}

  async create(workspaceId: string, productTag: string, body: CreateWebhookBody, publicBase: string): Promise<Webhook> {
    const created = await this.nats.request<WebhookDefinition>(Subjects.ConnectionWebhookCreate, { workspace_id: workspaceId, product_tag: productTag, webhook: body });
    return withReceiveUrls(created, publicBase);
  }

  async fetchAll(workspaceId: string, productTag: string, publicBase: string): Promise<Webhook[]> {
    const webhooks = await this.nats.request<WebhookDefinition[]>(Subjects.ConnectionWebhookList, { workspace_id: workspaceId, product_tag: productTag });
    return webhooks.map((webhook) => withReceiveUrls(webhook, publicBase));
  }

  async fetch(workspaceId: string, productTag: string, tag: string, publicBase: string): Promise<Webhook> {
    const webhook = await this.nats.request<WebhookDefinition>(Subjects.ConnectionWebhookFetch, { workspace_id: workspaceId, product_tag: productTag, webhook_tag: tag });
    return withReceiveUrls(webhook, publicBase);
  }

  async update(workspaceId: string, productTag: string, tag: string, changes: UpdateWebhookBody, publicBase: string): Promise<Webhook> {
    const updated = await this.nats.request<WebhookDefinition>(Subjects.ConnectionWebhookUpdate, {
      workspace_id: workspaceId,
      product_tag: productTag,
      webhook_tag: tag,
      changes,
    });
    return withReceiveUrls(updated, publicBase);
  }

  /** Deletes the webhook and answers it as it was; its receive URLs answer 404 from then on. */
  async delete(workspaceId: string, productTag: string, tag: string, publicBase: string): Promise<Webhook> {
    const deleted = await this.nats.request<WebhookDefinition>(Subjects.ConnectionWebhookDelete, { workspace_id: workspaceId, product_tag: productTag, webhook_tag: tag });
    return withReceiveUrls(deleted, publicBase);
  }
}

function withReceiveUrls(webhook: WebhookDefinition, publicBase: string): Webhook {
  return { ...webhook, envs: webhook.envs.map((env) => ({ ...env, receive_url: `${publicBase}/hooks/${env.receive_id}` })) };
}
