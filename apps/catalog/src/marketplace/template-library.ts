import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MarketplaceTemplate } from '@switchboard/contracts';

/** The folder of template files: beside this module in the sources, and copied beside it in dist/ by the build. */
export const TEMPLATES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'templates');

let loaded: ReadonlyMap<string, MarketplaceTemplate> | undefined;

/**
 * The marketplace's templates by tag, read once from {@link TEMPLATES_DIR}. They are checked against the
 * `MarketplaceTemplate` contract by a unit spec (template-files.spec.ts), so a broken file never ships.
 */
export function marketplaceTemplates(): ReadonlyMap<string, MarketplaceTemplate> {
  loaded ??= new Map(
    readdirSync(TEMPLATES_DIR)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => {
        const template = JSON.parse(readFileSync(join(TEMPLATES_DIR, name), 'utf8')) as MarketplaceTemplate;
        return [template.tag, template] as const;
      }),
  );
  return loaded;
}
