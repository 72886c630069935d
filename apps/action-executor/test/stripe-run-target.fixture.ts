import type { RunTarget } from '../src/runs/run-target.js';

/** A run target for Stripe's create-charge action, no auth, no variables; specs change what they test. */
export function stripeRunTarget(overrides: Partial<RunTarget> = {}): RunTarget {
  return {
    appTag: 'stripe',
    accessTag: 'stripe-payments',
    env: 'prd',
    baseUrl: 'https://api.stripe.com',
    requestType: 'JSON',
    method: 'POST',
    path: '/v1/charges',
    auth: [],
    variables: new Map(),
    ...overrides,
  };
}
