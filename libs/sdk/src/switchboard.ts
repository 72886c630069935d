import { ActionsClient } from './actions-client.js';
import { AppsClient } from './apps-client.js';
import { HttpClient } from './http-client.js';
import { IntegrationsClient } from './integrations-client.js';
import { MarketplaceClient } from './marketplace-client.js';
import { ProductClient } from './product-client.js';
import { SecretsClient } from './secrets-client.js';
import { resolveOptions } from './switchboard-options.js';
import type { SwitchboardOptions } from './types.js';

/** Entry point of the SDK: one instance per workspace user, remembering the product chosen by `product.init`. */
export class Switchboard {
  /** The workspace app catalog. */
  readonly app: AppsClient;
  /** Marketplace templates: list, search, fetch, install, update installed apps. */
  readonly marketplace: MarketplaceClient;
  /** Products, and the apps connected to the selected one. */
  readonly product: ProductClient;
  /** Running connected apps' actions. */
  readonly actions: ActionsClient;
  /** Workspace secrets, referenced in configurations as `$Token{KEY}`. */
  readonly secrets: SecretsClient;
  /** fetch() with secrets substituted, and user and network secrets, for integrations. */
  readonly integrations: IntegrationsClient;

  /** Validates `options` and throws a SwitchboardError `invalid_options` naming the faulty field. */
  constructor(options: SwitchboardOptions) {
    const http = new HttpClient(resolveOptions(options));
    this.app = new AppsClient(http);
    this.marketplace = new MarketplaceClient(http);
    this.product = new ProductClient(http);
    this.secrets = new SecretsClient(http);
    this.actions = new ActionsClient(http);
    this.integrations = new IntegrationsClient(http);
  }
}
