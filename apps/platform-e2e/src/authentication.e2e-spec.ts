import { startPlatform, type Platform, type WorkspaceCredentials } from '@switchboard/testing';
import { gatewayRequest } from './switchboard-for.js';

describe('Every endpoint but health and docs needs valid credentials', () => {
  let platform: Platform;
  let credentials: WorkspaceCredentials;
  let other: WorkspaceCredentials;

  beforeAll(async () => {
    platform = await startPlatform();
    credentials = await platform.createWorkspace('auth');
    other = await platform.createWorkspace('other');
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('answers 401 unauthenticated without credentials, naming what is missing', async () => {
    const reply = await gatewayRequest(platform, undefined, 'GET', '/v1/products');
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({
      code: 'unauthenticated',
      message: 'Missing credentials: send x-switchboard-workspace-id, x-switchboard-user-id, authorization: Bearer <private_key>',
    });
  });

  it.each([
    ['a wrong private key', (c: WorkspaceCredentials, o: WorkspaceCredentials) => ({ ...c, private_key: o.private_key })],
    ['another workspace’s id', (c: WorkspaceCredentials, o: WorkspaceCredentials) => ({ ...c, workspace_id: o.workspace_id })],
    ['an unknown user', (c: WorkspaceCredentials) => ({ ...c, user_id: 'usr_nobody' })],
  ])('answers 401 for %s without saying which part was wrong', async (_case, tamper) => {
    const reply = await gatewayRequest(platform, tamper(credentials, other), 'GET', '/v1/products');
    expect([reply.status, reply.body.code, reply.body.message]).toEqual([
      401,
      'unauthenticated',
      'Invalid credentials: the workspace, user and private key do not match',
    ]);
  });

  it('accepts the credentials the CLI printed', async () => {
    expect((await gatewayRequest(platform, credentials, 'GET', '/v1/products')).status).toBe(200);
  });

  it('serves health, readiness and the OpenAPI document without credentials', async () => {
    expect((await fetch(`${platform.url}/health`)).status).toBe(200);
    expect((await fetch(`${platform.url}/ready`)).status).toBe(200);
    const docs = await fetch(`${platform.url}/docs/json`);
    expect(docs.status).toBe(200);
    const openapi = (await docs.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/v1/products/{product}/connections', '/v1/apps']));
  });
});
