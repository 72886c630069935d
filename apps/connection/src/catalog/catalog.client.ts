import { Injectable } from '@nestjs/common';
import { Subjects, type AppView, type ProductView } from '@switchboard/contracts';
import { NatsRequester } from '@switchboard/platform';

/** What the connection service needs from the catalog, asked over NATS (the catalog owns that data). */
@Injectable()
export class CatalogClient {
  constructor(private readonly nats: NatsRequester) {}

  fetchProduct(workspaceId: string, productTag: string): Promise<ProductView> {
    return this.nats.request(Subjects.CatalogProductFetch, { workspace_id: workspaceId, product_tag: productTag });
  }

  fetchApp(workspaceId: string, appTag: string): Promise<AppView> {
    return this.nats.request(Subjects.CatalogAppFetch, { workspace_id: workspaceId, app_tag: appTag });
  }

  /** The app, registered bare (no envs, actions or auth) if nobody has registered it. */
  ensureApp(workspaceId: string, appTag: string): Promise<AppView> {
    return this.nats.request(Subjects.CatalogAppEnsure, { workspace_id: workspaceId, app_tag: appTag });
  }
}
