import type { RunActionBody } from '@switchboard/contracts';
import { dispatchFingerprintOf } from './dispatch-fingerprint.js';

const run: RunActionBody = {
  env: 'prd',
  product: 'shop',
  app: 'orders',
  event: 'create-order',
  input: { headers: { 'Idempotency-Key': 'k1', Accept: 'application/json' }, body: { amount: 5, items: [{ sku: 'a', qty: 1 }] } },
};

describe('dispatchFingerprintOf', () => {
  it('is the same for the same request written with its keys in another order', () => {
    const reordered: RunActionBody = {
      event: 'create-order',
      app: 'orders',
      product: 'shop',
      env: 'prd',
      input: { body: { items: [{ qty: 1, sku: 'a' }], amount: 5 }, headers: { Accept: 'application/json', 'Idempotency-Key': 'k1' } },
    };
    expect(dispatchFingerprintOf(reordered)).toBe(dispatchFingerprintOf(run));
  });

  it.each([
    ['another body', { ...run, input: { ...run.input, body: { amount: 6, items: [{ sku: 'a', qty: 1 }] } } }],
    ['another array order', { ...run, input: { ...run.input, body: { amount: 5, items: [{ sku: 'a', qty: 1 }, { sku: 'b', qty: 1 }] } } }],
    ['another header', { ...run, input: { ...run.input, headers: { 'Idempotency-Key': 'k1' } } }],
    ['another env', { ...run, env: 'dev' }],
    ['another action', { ...run, event: 'refund-order' }],
  ])('differs for %s', (_, other) => {
    expect(dispatchFingerprintOf(other)).not.toBe(dispatchFingerprintOf(run));
  });
});
