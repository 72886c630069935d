import { ErrorCode, type RunActionBody } from '@switchboard/contracts';
import { stripeRunTarget } from '../../test/stripe-run-target.fixture.js';
import type { FinishedRun } from './finished-run.js';
import { isoWithMicroseconds, RUN_RECORD_BODY_MAX_CHARS, runRecordRowOf, runRecordRowsOf } from './run-record.builder.js';

const SECRET = 'sk_live_builder_spec_value';
const target = stripeRunTarget({ path: '/v1/customers/:id/charges' });
const run: RunActionBody = { env: 'prd', product: 'shop', app: 'stripe-payments', event: 'create-charge' };

function finished(overrides: Partial<FinishedRun> = {}): FinishedRun {
  return {
    runId: 'run_1',
    workspaceId: 'ws_1',
    run,
    input: {
      headers: { Authorization: 'Bearer $Token{STRIPE_KEY}' },
      params: { id: '$Token{STRIPE_KEY}' },
      query: { key: '$(secret:STRIPE_KEY)', expand: 'customer' },
      body: { amount: 2000, note: 'paid with $Secret{STRIPE_KEY}' },
    },
    target,
    secrets: { STRIPE_KEY: { value: SECRET, version: 3 } },
    startedAtEpochMs: Date.UTC(2025, 0, 31, 12, 0, 0, 123) + 0.4567,
    timings: { queue_ms: 0.5, resolve_ms: 2, connect_ms: 0.1, upstream_ms: 20, total_ms: 23 },
    outcome: { status: 'succeeded', httpStatus: 201 },
    ...overrides,
  };
}

describe('runRecordRowOf', () => {
  it('records the request with every reference as written, the secret versions and the upstream status', () => {
    const row = runRecordRowOf(finished());

    expect(row).toMatchObject({
      id: 'run_1',
      workspace_id: 'ws_1',
      product: 'shop',
      access_tag: 'stripe-payments',
      app: 'stripe',
      status: 'succeeded',
      http_status: 201,
      error_code: null,
      method: 'POST',
      url: 'https://api.stripe.com/v1/customers/$Token{STRIPE_KEY}/charges?key=$(secret:STRIPE_KEY)&expand=customer',
      request_headers: { Authorization: 'Bearer $Token{STRIPE_KEY}', 'content-type': 'application/json' },
      request_body: { amount: 2000, note: 'paid with $Secret{STRIPE_KEY}' },
      secret_versions: { STRIPE_KEY: 3 },
      created_at: '2025-01-31T12:00:00.123456Z',
    });
    expect(JSON.stringify(row)).not.toContain(SECRET);
  });

  it('redacts a resolved value that reached the request some other way, raw or URL-encoded', () => {
    const tricky = 'sk live/with&odd=chars';
    const row = runRecordRowOf(
      finished({
        target: { ...target, baseUrl: `https://api.stripe.com/${encodeURIComponent(tricky)}`, path: '/v1/charges' },
        input: { headers: { 'X-Pasted': tricky }, query: { pasted: tricky }, body: [tricky] },
        secrets: { STRIPE_KEY: { value: tricky, version: 1 } },
      }),
    );

    const text = JSON.stringify(row);
    expect(text).not.toContain(tricky);
    expect(text).not.toContain(encodeURIComponent(tricky));
    expect(text).not.toContain(new URLSearchParams({ pasted: tricky }).toString());
    expect(row.url).toBe('https://api.stripe.com/$Token{STRIPE_KEY}/v1/charges?pasted=$Token{STRIPE_KEY}');
  });

  it('records a failure before the target was known with the error and the input as sent', () => {
    const row = runRecordRowOf(
      finished({
        target: undefined,
        secrets: {},
        outcome: { status: 'failed', error: { code: ErrorCode.ConnectionNotFound, message: "Connection 'ghost' not found", details: {} } },
      }),
    );

    expect(row).toMatchObject({
      status: 'failed',
      http_status: null,
      error_code: 'connection_not_found',
      error_message: "Connection 'ghost' not found",
      app: null,
      method: null,
      url: null,
      request_headers: { Authorization: 'Bearer $Token{STRIPE_KEY}' },
      secret_versions: {},
    });
  });

  it('keeps the method but no URL when the request itself could not be built', () => {
    const row = runRecordRowOf(
      finished({
        input: { headers: {} },
        outcome: { status: 'failed', error: { code: ErrorCode.MissingPathParam, message: 'input.params.id is required', details: {} } },
      }),
    );

    expect([row.method, row.url, row.error_code]).toEqual(['POST', null, 'missing_path_param']);
  });

  it('cuts a long body down to text', () => {
    const row = runRecordRowOf(finished({ input: { params: { id: '1' }, body: { blob: 'x'.repeat(RUN_RECORD_BODY_MAX_CHARS) } } }));

    expect(typeof row.request_body).toBe('string');
    expect((row.request_body as string).length).toBeLessThan(RUN_RECORD_BODY_MAX_CHARS + 100);
    expect(row.request_body).toMatch(/… \(cut: \d+ characters\)$/);
  });
});

describe('runRecordRowsOf', () => {
  it('leaves out a run whose row cannot be built and logs its id only', () => {
    const errors: object[] = [];
    const broken = finished({ runId: 'run_broken', target: { ...target, baseUrl: 'not a url' } });

    const rows = runRecordRowsOf([finished(), broken], { error: (context) => errors.push(context) });

    expect(rows.map((row) => row.id)).toEqual(['run_1']);
    expect(errors).toEqual([{ run_id: 'run_broken', error: 'TypeError' }]);
  });
});

describe('isoWithMicroseconds', () => {
  it('keeps the fraction of a millisecond', () => {
    expect(isoWithMicroseconds(Date.UTC(2025, 0, 1) + 7.0095)).toBe('2025-01-01T00:00:00.007009Z');
    expect(isoWithMicroseconds(Date.UTC(2025, 0, 1))).toBe('2025-01-01T00:00:00.000000Z');
  });
});
