import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { Events } from '@switchboard/contracts';
import { NATS_CONNECTION, onConnectionChanges } from '@switchboard/platform';
import { PinoLogger } from 'nestjs-pino';
import { SessionCache } from './session-cache.js';

/**
 * Makes a sign-out on one gateway replica end the session on every other one: each replica (a plain subscription,
 * outside any queue group) drops the ended session from its cache, and drops every cached session when its NATS
 * connection goes down or comes back, since core NATS delivers at most once and events sent meanwhile are lost.
 */
@Injectable()
export class SessionEndListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription: Subscription | undefined;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    private readonly cache: SessionCache,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('sessions');
  }

  onApplicationBootstrap(): void {
    this.subscription = this.nats.subscribe(Events.SessionEnded, {
      callback: (error, message) => {
        if (error) {
          this.logger.warn({ err: error }, 'session end subscription failed');
          return;
        }
        const sessionId = sessionIdOf(message.data);
        if (sessionId !== undefined) this.cache.drop(sessionId);
      },
    });
    onConnectionChanges(this.nats, (change) => {
      this.cache.clear();
      this.logger.info({ server: change.server }, `NATS connection ${change.type === 'disconnect' ? 'lost' : 'back'}: every cached session dropped`);
    }).catch((error: unknown) => {
      // Only the cache TTL bounds a missed sign-out from here on: loud, since that is a lesser guarantee.
      this.logger.error({ err: error }, 'watching the NATS connection failed: sessions are no longer dropped on disconnect');
    });
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }
}

function sessionIdOf(data: Uint8Array): string | undefined {
  try {
    const payload = JSON.parse(new TextDecoder().decode(data)) as { session_id?: unknown };
    return typeof payload.session_id === 'string' ? payload.session_id : undefined;
  } catch {
    // Events are ours and always JSON; anything else names no session and drops nothing.
    return undefined;
  }
}
