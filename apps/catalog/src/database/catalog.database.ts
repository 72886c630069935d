import type { ServiceDatabase } from '@switchboard/platform';
import { ActionEntity } from '../apps/action.entity.js';
import { AppEnvEntity } from '../apps/app-env.entity.js';
import { AppEntity } from '../apps/app.entity.js';
import { ProductEnvEntity } from '../products/product-env.entity.js';
import { ProductEntity } from '../products/product.entity.js';
import { CreateCatalog1763900000000 } from './migrations/1763900000000-create-catalog.js';
import { AddAppAuthSchemes1764100000000 } from './migrations/1764100000000-add-app-auth-schemes.js';
import { AddAppEnvTimeouts1765300000000 } from './migrations/1765300000000-add-app-env-timeouts.js';
import { AddAppTemplateOrigin1766600000000 } from './migrations/1766600000000-add-app-template-origin.js';
import { CreatePublishedTemplates1766700000000 } from './migrations/1766700000000-create-published-templates.js';
import { PublishedTemplateEntity } from '../marketplace/published-template.entity.js';
import { AddActionSummaryAndSchema1766800000000 } from './migrations/1766800000000-add-action-summary-and-schema.js';
import { AddAppRateLimits1796510000000 } from './migrations/1796510000000-add-app-rate-limits.js';

/** The catalog's own schema: apps, their envs and actions, products and their envs. */
export const catalogDatabase: ServiceDatabase = {
  schema: 'catalog',
  entities: [AppEntity, AppEnvEntity, ActionEntity, ProductEntity, ProductEnvEntity, PublishedTemplateEntity],
  migrations: [CreateCatalog1763900000000, AddAppAuthSchemes1764100000000, AddAppEnvTimeouts1765300000000, AddAppTemplateOrigin1766600000000, CreatePublishedTemplates1766700000000, AddActionSummaryAndSchema1766800000000, AddAppRateLimits1796510000000],
};
