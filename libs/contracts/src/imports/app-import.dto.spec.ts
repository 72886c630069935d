import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { AppImportRequest, ImportAppBody } from './app-import.dto.js';

// Every refusal as `path: message`, nested ones by their full path.
function problemsOf(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => [
    ...Object.values(error.constraints ?? {}).map((message) => `${prefix}${error.property}: ${message}`),
    ...problemsOf(error.children ?? [], `${prefix}${error.property}.`),
  ]);
}

const problems = async (type: new () => object, value: object): Promise<string[]> => problemsOf(await validate(plainToInstance(type, value)));

describe('import contracts', () => {
  const importId = '0b9c5b8e-6a8f-4a9e-9f3a-2d5f0c1e7a11';

  it('checks the same tag, name and app rules on the HTTP body and on the catalog request', async () => {
    const options = { tag: '-bad', name: '', app: 'also bad' };

    expect(await problems(ImportAppBody, { import_id: importId, ...options })).toEqual([
      'tag: tag must be 1-64 letters, digits, "_" or "-", starting with a letter or digit',
      'name: name must be longer than or equal to 1 characters',
      'app: app must be 1-64 letters, digits, "_" or "-", starting with a letter or digit',
    ]);
    expect(await problems(AppImportRequest, { workspace_id: 'ws_1', import_id: importId, options })).toEqual([
      'options.tag: tag must be 1-64 letters, digits, "_" or "-", starting with a letter or digit',
      'options.name: name must be longer than or equal to 1 characters',
      'options.app: app must be 1-64 letters, digits, "_" or "-", starting with a letter or digit',
    ]);
  });

  it('accepts a catalog request without choices given', async () => {
    expect(await problems(AppImportRequest, { workspace_id: 'ws_1', import_id: importId, options: {} })).toEqual([]);
  });
});
