import { createRequire } from 'node:module';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage.js';

// class-transformer's CommonJS entry holds the @Type metadata the contracts registered; its
// storage module has no typed export path, hence the require.
const require = createRequire(import.meta.url);

/** The metadata class-transformer collected from the contracts' `@Type` decorators. */
export const defaultMetadataStorage = (require('class-transformer/cjs/storage.js') as { defaultMetadataStorage: MetadataStorage })
  .defaultMetadataStorage;
