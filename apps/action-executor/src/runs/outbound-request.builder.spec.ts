import { buildOutboundRequest } from './outbound-request.builder.js';
import { stripeRunTarget } from '../../test/stripe-run-target.fixture.js';

const target = stripeRunTarget();

describe('buildOutboundRequest', () => {
  it('takes an Idempotency-Key header, in any case, as the request’s idempotency key', () => {
    expect(buildOutboundRequest(target, { headers: { 'Idempotency-Key': 'order-42' }, body: { a: 1 } }).idempotencyKey).toBe('order-42');
    expect(buildOutboundRequest(target, { headers: { 'idempotency-key': 'order-43' } }).idempotencyKey).toBe('order-43');
  });

  it('has no idempotency key without the header or with an empty one', () => {
    expect(buildOutboundRequest(target, { headers: { 'X-Other': 'x' } }).idempotencyKey).toBeUndefined();
    expect(buildOutboundRequest(target, { headers: { 'Idempotency-Key': '' } }).idempotencyKey).toBeUndefined();
  });
});
