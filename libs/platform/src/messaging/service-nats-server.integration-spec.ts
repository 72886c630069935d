import type { NatsConnection } from '@nats-io/transport-node';
import { ErrorCode, type Subject } from '@switchboard/contracts';
import { throwError } from 'rxjs';
import { DomainError } from '../errors/domain-error.js';
import { connectNats, natsConnectionOptions, type NatsAccess } from './nats-connection.js';
import { NatsRequester } from './nats-requester.js';
import { ServiceNatsServer } from './service-nats-server.js';

// The jest run's NATS, as the harness user the global setup hands the tests (this library cannot import the harness).
const JEST_RUN_NATS: NatsAccess = { url: process.env.NATS_URL ?? '', user: process.env.NATS_USER, password: process.env.NATS_PASSWORD };

// A subject of this spec alone, so that no service answers it.
const SUBJECT = `reply-size-spec.${process.pid}` as Subject;
const REFUSING_SUBJECT = `reply-size-spec.${process.pid}.refusing` as Subject;

describe('ServiceNatsServer over real NATS', () => {
  const server = new ServiceNatsServer({ ...natsConnectionOptions(JEST_RUN_NATS, 'reply-size-spec'), queue: 'reply-size-spec' });
  let connection: NatsConnection;
  let replyChars = 0;

  beforeAll(async () => {
    server.addHandler(SUBJECT, () => Promise.resolve({ body: '"'.repeat(replyChars) }), false);
    // What Nest's handler wrapper returns when RpcErrorFilter has turned a throw into its error body.
    server.addHandler(REFUSING_SUBJECT, () => Promise.resolve(throwError(() => new DomainError(ErrorCode.ProductNotFound, 'No such product', {}).toBody())), false);
    await new Promise<void>((resolve, reject) => void server.listen((error?: unknown) => (error ? reject(new Error('The NATS server did not start', { cause: error })) : resolve())));
    connection = await connectNats(JEST_RUN_NATS, 'reply-size-spec');
  });

  afterAll(async () => {
    await connection?.close();
    await server.close();
  });

  it("answers a reply larger than the server's max_payload with upstream_response_too_large at once, instead of nothing", async () => {
    const maxPayload = connection.info?.max_payload ?? 0;
    replyChars = maxPayload;
    // Long enough that a lost reply fails this test on the timeout, not on a race.
    const failure = await new NatsRequester(connection, 20_000).request(SUBJECT, {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DomainError);
    expect(failure).toMatchObject({ code: ErrorCode.UpstreamResponseTooLarge, details: { max_payload: maxPayload } });
  });

  it("answers a handler's failure with its error body, which the requester throws as the same DomainError", async () => {
    const failure = await new NatsRequester(connection, 20_000).request(REFUSING_SUBJECT, {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DomainError);
    expect(failure).toMatchObject({ code: ErrorCode.ProductNotFound, message: 'No such product' });
  });

  it('sends a reply that fits as it is', async () => {
    replyChars = 1000;
    expect(await new NatsRequester(connection, 20_000).request(SUBJECT, {})).toEqual({ body: '"'.repeat(1000) });
  });
});
