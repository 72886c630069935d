import { containerEngineAnswers } from './container-engine.js';
import { startVaultForTests } from './start-vault-for-tests.js';

describe('startVaultForTests', () => {
  const original = process.env.SWITCHBOARD_TEST_VAULT;

  afterEach(() => {
    if (original === undefined) delete process.env.SWITCHBOARD_TEST_VAULT;
    else process.env.SWITCHBOARD_TEST_VAULT = original;
  });

  it('runs a real Vault container exactly when a container engine answers, else the stand-in', async () => {
    delete process.env.SWITCHBOARD_TEST_VAULT;
    const vault = await startVaultForTests();
    try {
      expect(vault.kind).toBe((await containerEngineAnswers()) ? 'container' : 'stand-in');
      const health = await fetch(`${vault.url}/v1/sys/health`);
      expect(health.status).toBe(200);
    } finally {
      await vault.stop();
    }
  });

  it('uses the stand-in when SWITCHBOARD_TEST_VAULT=stand-in', async () => {
    process.env.SWITCHBOARD_TEST_VAULT = 'stand-in';
    const vault = await startVaultForTests();
    await vault.stop();
    expect(vault.kind).toBe('stand-in');
  });

  it('refuses an unknown SWITCHBOARD_TEST_VAULT instead of guessing', async () => {
    process.env.SWITCHBOARD_TEST_VAULT = 'docker';
    await expect(startVaultForTests()).rejects.toThrow(/must be "container" or "stand-in"/);
  });
});
