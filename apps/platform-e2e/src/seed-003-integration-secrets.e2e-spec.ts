import type { Switchboard } from '@switchboard/sdk';
import { switchboardFor } from './switchboard-for.js';
import { startPlatform, type Platform } from '@switchboard/testing';

// The seed 003 secrets API and its return conventions: "" and false on a miss or any error, a status from set.
describe('Integration secrets (seed 003) through the SDK', () => {
  let platform: Platform;
  let switchboard: Switchboard;
  let colleague: Switchboard;

  beforeAll(async () => {
    platform = await startPlatform();
    const credentials = await platform.createWorkspace('seed-003');
    switchboard = switchboardFor(platform, credentials);
    colleague = switchboardFor(platform, await platform.createWorkspace('seed-003-other'));
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('sets the username and password, then reads them back', async () => {
    const username = 'alice';
    const password = 'correct horse battery staple';
    // Set the username and password
    const result = await switchboard.integrations.secrets.set('USERNAME', username);
    await switchboard.integrations.secrets.set('PASSWORD', password);
    expect(result).toEqual({ status: 'success' });
    expect(await switchboard.integrations.secrets.get('USERNAME')).toBe('alice');
    expect(await switchboard.integrations.secrets.has('USERNAME')).toBe(true);
  });

  it('overwrites a value on a second set', async () => {
    await switchboard.integrations.secrets.set('USERNAME', 'bob');
    expect(await switchboard.integrations.secrets.get('USERNAME')).toBe('bob');
  });

  it('resolves get to "" and has to false for a missing secret', async () => {
    expect(await switchboard.integrations.secrets.get('NOT_SET')).toBe('');
    expect(await switchboard.integrations.secrets.has('NOT_SET')).toBe(false);
  });

  it('resolves set to a failure with an error instead of throwing', async () => {
    const result = await switchboard.integrations.secrets.set('bad key', 'x');
    expect(result.status).toBe('failure');
    expect(result).toMatchObject({ error: 'key must be 1-128 letters, digits or "_" (case-sensitive)' });
  });

  it('keeps one user’s secrets from another workspace', async () => {
    expect(await colleague.integrations.secrets.get('USERNAME')).toBe('');
  });

  it('keeps network secrets apart from user secrets', async () => {
    expect(await switchboard.integrations.network('north').secrets.set('USERNAME', 'north-user')).toEqual({ status: 'success' });
    expect(await switchboard.integrations.network('north').secrets.get('USERNAME')).toBe('north-user');
    expect(await switchboard.integrations.secrets.get('USERNAME')).toBe('bob');
  });

  it('resolves get to "" and has to false when the secrets service is down', async () => {
    await platform.stopService('secrets-vault');
    expect(await switchboard.integrations.secrets.get('USERNAME')).toBe('');
    expect(await switchboard.integrations.secrets.has('USERNAME')).toBe(false);
    expect((await switchboard.integrations.secrets.set('USERNAME', 'x')).status).toBe('failure');
  });
});
