import { connect } from '@nats-io/transport-node';

/** Tells whether a NATS server answers at `url` within `timeoutMs` (connects, round-trips a PING, closes). */
export async function natsAnswers(url: string, timeoutMs = 1_000): Promise<boolean> {
  const connection = await connect({ servers: url, timeout: timeoutMs, reconnect: false, name: 'switchboard-local-infra-probe' }).catch(
    () => undefined,
  );
  if (!connection) return false;
  const answered = await connection.flush().then(
    () => true,
    () => false,
  );
  await connection.close();
  return answered;
}
