import { startFakeThirdPartyApi, type FakeThirdPartyApi } from './fake-third-party-api.js';

/**
 * A fake Stripe: `POST /v1/charges` with a form or JSON body creates a charge when the bearer key is
 * one of `acceptedKeys`, and answers like Stripe otherwise (401 with an `invalid_request_error`).
 */
export async function startFakeStripe(acceptedKeys: readonly string[]): Promise<FakeThirdPartyApi> {
  const api = await startFakeThirdPartyApi();
  let charges = 0;
  api.route('POST', '/v1/charges', (request) => {
    const key = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!key || !acceptedKeys.includes(key)) {
      return { status: 401, body: { error: { type: 'invalid_request_error', message: 'Invalid API Key provided.' } } };
    }
    const fields = request.headers['content-type']?.includes('json')
      ? (JSON.parse(request.body) as Record<string, unknown>)
      : Object.fromEntries(new URLSearchParams(request.body));
    charges += 1;
    return { status: 200, body: { id: `ch_${charges}`, object: 'charge', amount: Number(fields.amount), currency: fields.currency, status: 'succeeded' } };
  });
  return api;
}
