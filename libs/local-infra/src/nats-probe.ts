import { AuthorizationError, connect } from '@nats-io/transport-node';

/**
 * Tells whether a NATS server answers at `url` within `timeoutMs` (connects, round-trips a PING, closes). A server that
 * refuses us for want of credentials answers too: it is there, and its users are its own business.
 */
export async function natsAnswers(url: string, timeoutMs = 1_000): Promise<boolean> {
  const connection = await connect({ servers: url, timeout: timeoutMs, reconnect: false, name: 'switchboard-local-infra-probe' }).catch(
    (error: unknown) => (error instanceof AuthorizationError ? 'refused' : undefined),
  );
  if (connection === 'refused') return true;
  if (!connection) return false;
  const answered = await connection.flush().then(
    () => true,
    () => false,
  );
  await connection.close();
  return answered;
}
