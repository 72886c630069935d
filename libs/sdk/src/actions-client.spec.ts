import { FakeGateway } from '../test/fake-gateway.js';
import { optionsFor } from '../test/fixtures.js';
import { Switchboard, type RunActionInput } from './index.js';

const input: RunActionInput = {
  env: 'prd',
  product: 'shop',
  app: 'stripe-payments',
  event: 'create-charge',
  input: { headers: { Authorization: 'Bearer $Token{STRIPE_KEY}' }, body: { amount: 2000 } },
};

describe('switchboard.actions.dispatch', () => {
  let gateway: FakeGateway;
  let switchboard: Switchboard;

  beforeEach(async () => {
    gateway = await FakeGateway.start();
    switchboard = new Switchboard(optionsFor(gateway.url));
  });

  afterEach(async () => {
    await gateway.stop();
  });

  it('posts the run input as it is and resolves with the queued run id the gateway answers 202 with', async () => {
    const queued = { run_id: 'run_0b6f2d1e-6a57-4c2e-9d1a-1f0b9e2c3d4e', status: 'queued' };
    gateway.on('POST', '/v1/actions/dispatch', { status: 202, json: queued });

    await expect(switchboard.actions.dispatch(input)).resolves.toEqual(queued);

    expect(gateway.lastRequest).toMatchObject({ method: 'POST', path: '/v1/actions/dispatch', body: input });
  });

  it('rejects with the gateway error when the run cannot be queued', async () => {
    gateway.on('POST', '/v1/actions/dispatch', { status: 404, json: { code: 'connection_not_found', message: "Connection 'stripe-payments' not found", details: {} } });

    await expect(switchboard.actions.dispatch(input)).rejects.toMatchObject({ code: 'connection_not_found', status: 404 });
  });
});
