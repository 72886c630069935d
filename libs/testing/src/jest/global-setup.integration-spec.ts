import { natsAnswers, postgresAnswers } from '@switchboard/local-infra';

describe('the jest global setup', () => {
  it('hands the tests a NATS that answers through NATS_URL', async () => {
    expect(process.env.NATS_URL).toMatch(/^nats:\/\//);
    await expect(natsAnswers(process.env.NATS_URL ?? '')).resolves.toBe(true);
  });

  it('hands the tests a Postgres that answers through DATABASE_URL', async () => {
    expect(process.env.DATABASE_URL).toMatch(/^postgres:\/\//);
    await expect(postgresAnswers(process.env.DATABASE_URL ?? '')).resolves.toBe(true);
  });
});
