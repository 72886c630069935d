import 'reflect-metadata';
import { QueueGroups, Subjects } from '@switchboard/contracts';
import { startMicroservice } from '@switchboard/platform';
import { AppsModule } from './apps/apps.module.js';
import { AppImportsModule } from './imports/app-imports.module.js';
import { catalogDatabase } from './database/catalog.database.js';
import { MarketplaceModule } from './marketplace/marketplace.module.js';
import { ProductsModule } from './products/products.module.js';

await startMicroservice({
  service: 'catalog',
  queue: QueueGroups.Catalog,
  healthSubject: Subjects.CatalogHealthCheck,
  database: catalogDatabase,
  configs: [],
  features: [AppsModule, AppImportsModule, MarketplaceModule, ProductsModule],
});
