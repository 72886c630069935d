import { Injectable } from '@nestjs/common';
import {
  Subjects,
  type AccessTagReply,
  type AddConnectionBody,
  type AppView,
  type ConnectedAppView,
  type ConnectionView,
  type UpdateConnectionBody,
} from '@switchboard/contracts';
import { NatsRequester } from '@switchboard/platform';

/** Composes the connection service's records with the catalog's app names into what callers see. */
@Injectable()
export class ConnectedAppsService {
  constructor(private readonly nats: NatsRequester) {}

  /** The connection service registers the app if nobody has, and answers a free access tag for it. */
  connect(workspaceId: string, productTag: string, appTag: string): Promise<AccessTagReply> {
    return this.nats.request(Subjects.ConnectionAppConnect, { workspace_id: workspaceId, product_tag: productTag, app_tag: appTag });
  }

  /** The connection service names the app in its reply, so a committed write needs no second call. */
  add(workspaceId: string, productTag: string, body: AddConnectionBody): Promise<ConnectedAppView> {
    return this.nats.request(Subjects.ConnectionCreate, { workspace_id: workspaceId, product_tag: productTag, connection: body });
  }

  async fetchAll(workspaceId: string, productTag: string): Promise<ConnectedAppView[]> {
    const connections = await this.nats.request<ConnectionView[]>(Subjects.ConnectionList, { workspace_id: workspaceId, product_tag: productTag });
    return this.withAppNames(workspaceId, connections);
  }

  /** Disconnects the app and answers the connection as it was. */
  delete(workspaceId: string, productTag: string, accessTag: string): Promise<ConnectionView> {
    return this.nats.request<ConnectionView>(Subjects.ConnectionDelete, { workspace_id: workspaceId, product_tag: productTag, access_tag: accessTag });
  }

  async fetch(workspaceId: string, productTag: string, accessTag: string): Promise<ConnectedAppView> {
    const connection = await this.nats.request<ConnectionView>(Subjects.ConnectionFetch, {
      workspace_id: workspaceId,
      product_tag: productTag,
      access_tag: accessTag,
    });
    return (await this.withAppNames(workspaceId, [connection]))[0];
  }

  update(workspaceId: string, productTag: string, accessTag: string, changes: UpdateConnectionBody): Promise<ConnectedAppView> {
    return this.nats.request(Subjects.ConnectionUpdate, { workspace_id: workspaceId, product_tag: productTag, access_tag: accessTag, changes });
  }

  private async withAppNames(workspaceId: string, connections: ConnectionView[]): Promise<ConnectedAppView[]> {
    if (connections.length === 0) return [];
    const appTags = [...new Set(connections.map((connection) => connection.app))];
    const apps = await this.nats.request<AppView[]>(Subjects.CatalogAppList, { workspace_id: workspaceId, app_tags: appTags });
    const names = new Map(apps.map((app) => [app.tag, app.name]));
    return connections.map((connection) => ({ ...connection, app_name: names.get(connection.app) ?? connection.app }));
  }
}
