import { startRecordingProxy } from './recording-proxy.js';
import { startVaultKv2StandIn } from './vault-kv2-stand-in.js';

// The proxy stands between tests and a containerised Vault; here the stand-in plays that Vault.
describe('startRecordingProxy', () => {
  it('forwards requests and answers unchanged and records them with the token redacted', async () => {
    const vault = await startVaultKv2StandIn();
    const proxy = await startRecordingProxy(vault.url, vault.token);
    try {
      const written = await fetch(`${proxy.url}/v1/secret/data/app/key`, {
        method: 'POST',
        headers: { 'X-Vault-Token': vault.token, 'content-type': 'application/json' },
        body: JSON.stringify({ data: { value: 'through the proxy' } }),
      });
      expect(written.status).toBe(200);
      const read = await fetch(`${proxy.url}/v1/secret/data/app/key`, { headers: { 'X-Vault-Token': 'wrong' } });
      expect(read.status).toBe(403);
      expect(proxy.requests.map((request) => [request.method, request.path, request.headers['x-vault-token'], request.tokenMatched])).toEqual([
        ['POST', '/v1/secret/data/app/key', '[redacted]', true],
        ['GET', '/v1/secret/data/app/key', '[redacted]', false],
      ]);
      expect(vault.requests).toHaveLength(2);
    } finally {
      await proxy.stop();
      await vault.stop();
    }
  });

  it('answers 502 when the target does not answer', async () => {
    const proxy = await startRecordingProxy('http://127.0.0.1:9', 'token');
    try {
      expect((await fetch(`${proxy.url}/v1/sys/health`)).status).toBe(502);
    } finally {
      await proxy.stop();
    }
  });
});
