import { AuthorizationError, connect, PermissionViolationError, RequestError, type NatsConnection } from '@nats-io/transport-node';
import { Events, Subjects, type ResolvedSecretsReply } from '@switchboard/contracts';
import { natsAccessAs, rejectionOf, startPlatform, type Platform, type ServiceName, type WorkspaceCredentials } from '@switchboard/testing';
import { switchboardFor } from './switchboard-for.js';

/** Connects as one service's NATS user, with its inbox, as that service does. */
async function connectAs(platform: Platform, service: ServiceName): Promise<NatsConnection> {
  const access = natsAccessAs(platform.nats, service);
  return connect({ servers: access.url, user: access.user, pass: access.password, inboxPrefix: access.inboxPrefix, name: `bus-permissions-spec-${service}` });
}

/** A request in NestJS's wire format, answered with its JSON reply (`{response}` or `{err}`). */
async function ask(connection: NatsConnection, subject: string, data: object): Promise<{ response?: unknown; err?: { code?: string } }> {
  const reply = await connection.request(subject, JSON.stringify({ pattern: subject, data, id: '1' }), { timeout: 5_000 });
  return reply.json();
}

/** The permissions violation nats-server answered a request with (the client carries it as the request's cause). */
async function refusalOf(request: Promise<unknown>): Promise<PermissionViolationError> {
  const { cause } = await rejectionOf(request, RequestError);
  if (!(cause instanceof PermissionViolationError)) throw new Error(`The request failed otherwise: ${String(cause)}`);
  return cause;
}

// The platform's own nats-server, started with one user per service (busPermissions): what a process holding one
// service's password may do on the bus, and what it may not.
describe('The bus is a boundary: each service’s NATS user may do only what that service does', () => {
  let platform: Platform;
  let credentials: WorkspaceCredentials;
  const connections: NatsConnection[] = [];
  const as = async (service: ServiceName): Promise<NatsConnection> => {
    const connection = await connectAs(platform, service);
    connections.push(connection);
    return connection;
  };
  const resolveRequest = (): object => ({ workspace_id: credentials.workspace_id, keys: ['BUS_SECRET'], app_tag: 'payments', access_tag: 'payments', env: 'prd' });

  beforeAll(async () => {
    platform = await startPlatform();
    credentials = await platform.createWorkspace('bus-permissions');
    // Through the gateway, which asks the secrets-vault on its own user: the platform works under its permissions.
    await switchboardFor(platform, credentials).secrets.create({ key: 'BUS_SECRET', value: 'bus-secret-value' });
  });

  afterAll(async () => {
    await Promise.all(connections.map((connection) => connection.close()));
    await platform?.stop();
  });

  it("refuses the gateway's credentials a request to secrets.reference.resolve with a permissions violation", async () => {
    const gateway = await as('gateway');
    await expect(refusalOf(ask(gateway, Subjects.SecretsReferenceResolve, resolveRequest()))).resolves.toMatchObject({
      operation: 'publish',
      subject: Subjects.SecretsReferenceResolve,
    });
  });

  it("answers the executor's credentials on secrets.reference.resolve with the secret", async () => {
    const executor = await as('action-executor');
    const reply = await ask(executor, Subjects.SecretsReferenceResolve, resolveRequest());
    expect(reply.err).toBeUndefined();
    expect((reply.response as ResolvedSecretsReply).secrets.BUS_SECRET).toMatchObject({ value: 'bus-secret-value' });
  });

  it('lets no service but the secrets-vault subscribe to secrets.reference.resolve', async () => {
    for (const service of ['gateway', 'catalog', 'connection', 'action-executor'] as const) {
      const connection = await as(service);
      const subscription = connection.subscribe(Subjects.SecretsReferenceResolve);
      await expect(subscription.closed).resolves.toBeInstanceOf(PermissionViolationError);
    }
  });

  it("refuses a service another service's reply inbox, where resolved secrets arrive", async () => {
    const gateway = await as('gateway');
    const subscription = gateway.subscribe('_INBOX.action-executor.>');
    await expect(subscription.closed).resolves.toMatchObject({ operation: 'subscription', subject: '_INBOX.action-executor.>' });
  });

  it("refuses the gateway another domain's events and the JetStream API of the dispatch stream", async () => {
    const gateway = await as('gateway');
    await expect(refusalOf(gateway.request(Events.SecretRotated, '{}', { timeout: 5_000 }))).resolves.toMatchObject({ operation: 'publish' });
    await expect(refusalOf(gateway.request('$JS.API.STREAM.INFO.ACTIONS_DISPATCH', '', { timeout: 5_000 }))).resolves.toMatchObject({
      operation: 'publish',
    });
  });

  it('refuses a connection without credentials', async () => {
    await expect(rejectionOf(connect({ servers: platform.natsUrl, reconnect: false }), AuthorizationError)).resolves.toBeInstanceOf(AuthorizationError);
  });
});
