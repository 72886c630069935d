import { Injectable } from '@nestjs/common';
import {
  HEALTHY_WEBHOOK_DELIVERY,
  Subjects,
  type CreateWebhookBody,
  type UpdateWebhookBody,
  type Webhook,
  type WebhookDefinition,
  type WebhookDeliveryStateEntry,
  type WebhookTargetEnabled,
} from '@switchboard/contracts';
import { NatsRequester } from '@switchboard/platform';

/**
 * Asks the connection service, which owns webhook definitions, and the executor, which owns their delivery, and
 * composes each webhook's view: its definition, each env's receive URL under `publicBase`, and its delivery state.
 */
@Injectable()
export class WebhooksService {
  constructor(private readonly nats: NatsRequester) {}

  async create(workspaceId: string, productTag: string, body: CreateWebhookBody, publicBase: string): Promise<Webhook> {
    const created = await this.nats.request<WebhookDefinition>(Subjects.ConnectionWebhookCreate, { workspace_id: workspaceId, product_tag: productTag, webhook: body });
    return this.#viewOf(workspaceId, productTag, created, publicBase);
  }

  async fetchAll(workspaceId: string, productTag: string, publicBase: string): Promise<Webhook[]> {
    const webhooks = await this.nats.request<WebhookDefinition[]>(Subjects.ConnectionWebhookList, { workspace_id: workspaceId, product_tag: productTag });
    return this.#viewsOf(workspaceId, productTag, webhooks, publicBase);
  }

  async fetch(workspaceId: string, productTag: string, tag: string, publicBase: string): Promise<Webhook> {
    const webhook = await this.nats.request<WebhookDefinition>(Subjects.ConnectionWebhookFetch, { workspace_id: workspaceId, product_tag: productTag, webhook_tag: tag });
    return this.#viewOf(workspaceId, productTag, webhook, publicBase);
  }

  async update(workspaceId: string, productTag: string, tag: string, changes: UpdateWebhookBody, publicBase: string): Promise<Webhook> {
    const updated = await this.nats.request<WebhookDefinition>(Subjects.ConnectionWebhookUpdate, {
      workspace_id: workspaceId,
      product_tag: productTag,
      webhook_tag: tag,
      changes,
    });
    return this.#viewOf(workspaceId, productTag, updated, publicBase);
  }

  /** Deletes the webhook and answers it as it was; its receive URLs answer 404 from then on. */
  async delete(workspaceId: string, productTag: string, tag: string, publicBase: string): Promise<Webhook> {
    const deleted = await this.nats.request<WebhookDefinition>(Subjects.ConnectionWebhookDelete, { workspace_id: workspaceId, product_tag: productTag, webhook_tag: tag });
    return this.#viewOf(workspaceId, productTag, deleted, publicBase);
  }

  /** Enables a disabled forward target again and queues its held events; the executor checks the webhook exists. */
  async enable(workspaceId: string, productTag: string, tag: string): Promise<WebhookTargetEnabled> {
    return this.nats.request<WebhookTargetEnabled>(Subjects.ExecutorWebhookTargetEnable, { workspace_id: workspaceId, product_tag: productTag, webhook_tag: tag });
  }

  async #viewOf(workspaceId: string, productTag: string, webhook: WebhookDefinition, publicBase: string): Promise<Webhook> {
    const states = await this.nats.request<WebhookDeliveryStateEntry[]>(Subjects.ExecutorWebhookDeliveryStateList, {
      workspace_id: workspaceId,
      product_tag: productTag,
      webhook_tag: webhook.tag,
    });
    return viewOf(webhook, publicBase, states);
  }

  async #viewsOf(workspaceId: string, productTag: string, webhooks: readonly WebhookDefinition[], publicBase: string): Promise<Webhook[]> {
    const states = await this.nats.request<WebhookDeliveryStateEntry[]>(Subjects.ExecutorWebhookDeliveryStateList, { workspace_id: workspaceId, product_tag: productTag });
    return webhooks.map((webhook) => viewOf(webhook, publicBase, states));
  }
}

function viewOf(webhook: WebhookDefinition, publicBase: string, states: readonly WebhookDeliveryStateEntry[]): Webhook {
  return {
    ...webhook,
    envs: webhook.envs.map((env) => ({ ...env, receive_url: `${publicBase}/hooks/${env.receive_id}` })),
    delivery: states.find((entry) => entry.webhook === webhook.tag)?.delivery ?? HEALTHY_WEBHOOK_DELIVERY,
  };
}
