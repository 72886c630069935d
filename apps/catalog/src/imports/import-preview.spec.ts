import { ErrorCode, IMPORT_LIMITS, type AppDiff } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { thrownBy } from '@switchboard/testing';
import type { ImportedApp } from './imported-app.js';
import { importPreviewOf } from './import-preview.js';

const IMPORT_ID = '0b9c5b8e-6a8f-4a9e-9f3a-2d5f0c1e7a11';

function imported(actions: number, warnings: ImportedApp['warnings'] = []): ImportedApp {
  return {
    format: 'openapi',
    version: '3.1.0',
    app: {
      tag: 'big',
      envs: [{ slug: 'production', base_url: 'https://api.big.example', request_type: 'JSON' }],
      actions: Array.from({ length: actions }, (_, index) => ({ tag: `get-thing-${index}`, method: 'GET', path: `/things/${index}`, summary: 'Fetch a thing', schema: { query: { type: 'object' } } })),
    },
    warnings,
  };
}

describe('importPreviewOf', () => {
  it('lists every action as the app view will, without schemas, and stays within a reply for 5,000 of them', () => {
    const preview = importPreviewOf(IMPORT_ID, imported(5000));

    expect(preview.app.actions).toHaveLength(5000);
    expect(preview.app.actions[4999]).toEqual({ tag: 'get-thing-4999', method: 'GET', path: '/things/4999', request_type: null, summary: 'Fetch a thing', has_schema: true });
    expect(Buffer.byteLength(JSON.stringify(preview))).toBeLessThan(IMPORT_LIMITS.replyBytes);
  });

  it('lists the first warnings, each cut to a length, and counts them all', () => {
    const warnings = Array.from({ length: 150 }, (_, index) => ({ code: 'duplicate_operation_id', message: `The operationId ${'x'.repeat(5000)} is used more than once (${index})`, pointer: `/paths/${'y'.repeat(5000)}` }));

    const preview = importPreviewOf(IMPORT_ID, imported(1, warnings));

    expect([preview.warnings.length, preview.warning_total]).toEqual([IMPORT_LIMITS.previewWarnings, 150]);
    expect(preview.warnings[0]?.message).toHaveLength(IMPORT_LIMITS.warningChars);
    expect(preview.warnings[0]?.pointer).toHaveLength(IMPORT_LIMITS.warningChars);
  });

  it('refuses a preview that would not fit a reply with app_too_large, never a reply NATS cannot carry', () => {
    const tags = (prefix: string) => Array.from({ length: 5000 }, (_, index) => `${prefix}-${'t'.repeat(50)}-${index}`);
    const diff: AppDiff = { actions: { added: tags('added'), changed: [], removed: tags('removed') }, envs: { added: [], changed: [], removed: [] }, auth: { added: [], changed: [], removed: [] }, fields: [] };

    const error = thrownBy(() => importPreviewOf(IMPORT_ID, imported(5000), diff), DomainError);

    expect(error.code).toBe(ErrorCode.AppTooLarge);
    expect(error.message).toMatch(/^The import's preview would be \d+ bytes, more than the 983040 a reply carries/);
  });
});
