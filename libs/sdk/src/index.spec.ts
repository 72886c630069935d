import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as sdk from './index.js';

describe('@switchboard/sdk entry point', () => {
  it('exports the client, its error type and its defaults', () => {
    expect(Object.keys(sdk).sort()).toEqual(
      ['DEFAULT_SWITCHBOARD_URL', 'DEFAULT_TIMEOUT_MS', 'SDK_VERSION', 'SdkErrorCode', 'Switchboard', 'SwitchboardError'].sort(),
    );
  });

  it('imports only its own modules, so the package installs without dependencies', () => {
    const sourceDir = new URL('./', import.meta.url);
    const sources = readdirSync(sourceDir).filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'));
    const specifiers = sources.flatMap((file) =>
      [...readFileSync(new URL(file, sourceDir), 'utf8').matchAll(/from '([^']+)'/g)].map((match) => match[1]),
    );

    const foreign = specifiers.filter((specifier) => !specifier.startsWith('./') && !builtinModules.includes(specifier.replace(/^node:/, '')));
    expect(sources.length).toBeGreaterThan(5);
    expect(foreign).toEqual([]);
  });
});
