import { Injectable } from '@nestjs/common';
import { Subjects, type ConnectionView, type ErrorCode } from '@switchboard/contracts';
import { DomainError, fieldFailure, NatsRequester } from '@switchboard/platform';

/** Which connections use an app or a product of the catalog, asked of the connection service, which owns them. */
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
