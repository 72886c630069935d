import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as sdk from './index.js';

describe('@switchboard/sdk entry point', () => {
  it('exports the client, its error type and its defaults', () => {
    expect(Object.keys(sdk).sort()).toEqual(
      ['DEFAULT_SWITCHBOARD_URL', 'DEFAULT_TIMEOUT_MS', 'SDK_VERSION', 'SdkErrorCode', 'Switchboard', 'SwitchboardError', 'default'].sort(),
    );
    expect(sdk.default).toBe(sdk.Switchboard);
  });

  it('imports at run time only its own modules, so the package installs without dependencies', () => {
    const sourceDir = new URL('./', import.meta.url);
    const sources = readdirSync(sourceDir).filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'));
    const imports = sources.flatMap((file) =>
      [...readFileSync(new URL(file, sourceDir), 'utf8').matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from '([^']+)'/gm)].map((match) => ({
        typeOnly: match[1] !== undefined,
        specifier: match[2],
      })),
    );
    const isOwn = (specifier: string): boolean => specifier.startsWith('./') || builtinModules.includes(specifier.replace(/^node:/, ''));

    expect(sources.length).toBeGreaterThan(5);
    expect(imports.filter((entry) => !entry.typeOnly && !isOwn(entry.specifier))).toEqual([]);
    // Type-only imports are erased by the compiler; the contracts are the one place the wire shapes are declared.
    expect(new Set(imports.filter((entry) => entry.typeOnly && !isOwn(entry.specifier)).map((entry) => entry.specifier))).toEqual(
      new Set(['@switchboard/contracts']),
    );
  });
});
