import { ErrorCode } from '@switchboard/contracts';
import { DomainError, type NatsRequester } from '@switchboard/platform';
import { SecretForecast } from '../cache/secret-forecast.js';
import { SecretValueCache } from '../cache/secret-value.cache.js';
import { RunSecrets } from './run-secrets.js';
import type { SecretUseReporter } from './secret-use-reporter.js';

const site = { appTag: 'stripe', accessTag: 'payments', env: 'prd' };
const secret = { value: 'sk_live_1', version: 1, expires_at: null };

// The secrets service's answer stood in for by one that counts and holds its replies until released.
function secretsService() {
  const asked: unknown[] = [];
  let answer: () => Promise<unknown> = () => Promise.resolve({ secrets: { STRIPE_KEY: secret } });
  const nats = {
    request: (_subject: string, body: unknown) => {
      asked.push(body);
      return answer();
    },
  } as unknown as NatsRequester;
  return { asked, nats, answerWith: (next: () => Promise<unknown>) => (answer = next) };
}

describe('RunSecrets', () => {
  const reporter = { report: () => undefined } as unknown as SecretUseReporter;
  // A new value cache, as a change event leaves it: the forecast outlives the event, the values do not.
  const afterChange = (nats: NatsRequester, forecast: SecretForecast) => new RunSecrets(nats, new SecretValueCache(60_000, 100), forecast, reporter);

  it('asks again for what a plan resolved last, before the plan is back, and the run joins that request', async () => {
    const service = secretsService();
    const forecast = new SecretForecast(100);
    await afterChange(service.nats, forecast).resolve('ws_1', ['STRIPE_KEY'], site, 'run_1', 'shop|payments|prd|charge');
    expect(service.asked).toHaveLength(1);

    const secrets = afterChange(service.nats, forecast);
    secrets.prefetch('ws_1', 'shop|payments|prd|charge', 'run_2');
    expect(service.asked).toHaveLength(2);
    await expect(secrets.resolve('ws_1', ['STRIPE_KEY'], site, 'run_2', 'shop|payments|prd|charge')).resolves.toEqual({ STRIPE_KEY: secret });
    expect(service.asked).toHaveLength(2);
  });

  it('asks nothing ahead for a plan it has seen resolve nothing', () => {
    const service = secretsService();
    afterChange(service.nats, new SecretForecast(100)).prefetch('ws_1', 'shop|payments|prd|charge', 'run_1');
    expect(service.asked).toHaveLength(0);
  });

  it("asks for the run's own keys when the forecast no longer holds, and leaves a failed forecast to the run", async () => {
    const service = secretsService();
    const forecast = new SecretForecast(100);
    forecast.remember('ws_1', 'plan', { keys: ['OLD_KEY'], site });
    const secrets = afterChange(service.nats, forecast);
    service.answerWith(() => Promise.reject(new DomainError(ErrorCode.SecretNotFound, "Secret 'OLD_KEY' not found", {})));
    secrets.prefetch('ws_1', 'plan', 'run_1');
    service.answerWith(() => Promise.resolve({ secrets: { STRIPE_KEY: secret } }));
    await expect(secrets.resolve('ws_1', ['STRIPE_KEY'], site, 'run_1', 'plan')).resolves.toEqual({ STRIPE_KEY: secret });
    expect(service.asked).toHaveLength(2);
    expect(forecast.recall('ws_1', 'plan')).toEqual({ keys: ['STRIPE_KEY'], site });
  });
});
