import { Injectable } from '@nestjs/common';
import { DEFAULT_PRODUCT_ENVS, Subjects, type ProductView } from '@switchboard/contracts';
import { fieldFailure, NatsRequester } from '@switchboard/platform';

/** Checks that a secret's `envs` name envs that exist: the defaults or an env of one of the workspace's products. */
@Injectable()
export class EnvSlugs {
  constructor(private readonly nats: NatsRequester) {}

  async assertKnown(workspaceId: string, envs: readonly string[]): Promise<void> {
    const defaults = new Set<string>(DEFAULT_PRODUCT_ENVS.map((env) => env.slug));
    const unknownToDefaults = envs.filter((env) => !defaults.has(env));
    if (unknownToDefaults.length === 0) return;
    const products = await this.nats.request<ProductView[]>(Subjects.CatalogProductList, { workspace_id: workspaceId });
    const known = new Set(products.flatMap((product) => product.envs.map((env) => env.slug)));
    const index = envs.findIndex((env) => !defaults.has(env) && !known.has(env));
    if (index >= 0) {
      throw fieldFailure(`envs.${index}`, `envs.${index} '${envs[index]}' is not an env of any product in this workspace`);
    }
  }
}
