import { Injectable } from '@nestjs/common';
import { Subjects, type ConnectionView, type ErrorCode, type WebhookDefinition } from '@switchboard/contracts';
import { DomainError, fieldFailure, NatsRequester } from '@switchboard/platform';

/**
 * Which connections use an app or a product of the catalog, and which webhooks receive in a product, asked of the
 * connection service, which owns both.
 */
@Injectable()
export class ConnectionUses {
  constructor(private readonly nats: NatsRequester) {}

  /** Every connection of the workspace to that app, in any product. */
  ofApp(workspaceId: string, appTag: string): Promise<ConnectionView[]> {
    return this.nats.request(Subjects.ConnectionListByApp, { workspace_id: workspaceId, app_tag: appTag });
  }

  /** Every connection of that product. */
  ofProduct(workspaceId: string, productTag: string): Promise<ConnectionView[]> {
    return this.nats.request(Subjects.ConnectionListByProduct, { workspace_id: workspaceId, product_tag: productTag });
  }

  /** Every webhook of that product. */
  webhooksOfProduct(workspaceId: string, productTag: string): Promise<WebhookDefinition[]> {
    return this.nats.request(Subjects.ConnectionWebhookListByProduct, { workspace_id: workspaceId, product_tag: productTag });
  }
}

/** What a refusal because of connections says: its code, what is in use (`App 'crm'`), details, and the field that asked. */
export interface StillConnectedRefusal {
  code: ErrorCode;
  subject: string;
  details: Record<string, unknown>;
  field?: string;
}

/**
 * The 409 refusing to change or remove something connections still use: the message and `details.connections` name
 * each product and access tag, so the caller knows what to disconnect.
 */
export function stillConnected(refusal: StillConnectedRefusal, connections: readonly ConnectionView[]): DomainError {
  const uses = connections.map((connection) => ({ product: connection.product, access_tag: connection.access_tag }));
  const named = uses.map((use) => `${use.product}/${use.access_tag}`).join(', ');
  const details = { ...refusal.details, connections: uses };
  if (refusal.field === undefined) return new DomainError(refusal.code, `${refusal.subject} is still connected: ${named}; disconnect them first`, details);
  return fieldFailure(refusal.field, `${refusal.field}: ${refusal.subject} is still connected: ${named}; disconnect them first`, refusal.code, details);
}

/**
 * The 409 refusing to change or remove something webhooks still receive in: the message and `details.webhooks` name
 * each webhook, so the caller knows what to delete or change first.
 */
export function stillReceivingWebhooks(refusal: StillConnectedRefusal, webhooks: readonly WebhookDefinition[]): DomainError {
  const named = webhooks.map((webhook) => `${webhook.product}/${webhook.tag}`).join(', ');
  const details = { ...refusal.details, webhooks: webhooks.map((webhook) => ({ product: webhook.product, tag: webhook.tag })) };
  const message = `${refusal.subject} still receives webhooks: ${named}; delete them or change their envs first`;
  if (refusal.field === undefined) return new DomainError(refusal.code, message, details);
  return fieldFailure(refusal.field, `${refusal.field}: ${message}`, refusal.code, details);
}
