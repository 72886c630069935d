import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { Events } from '@switchboard/contracts';
import { NATS_CONNECTION, onConnectionChanges } from '@switchboard/platform';
import { PinoLogger } from 'nestjs-pino';
import { SessionCache } from '../sessions/session-cache.js';
import { AccessCache } from './access-cache.js';

/**
 * Makes a sign-out, a member's change or removal, and a key's rotation or revocation on one gateway replica apply on
 * every other one at once: each replica (plain subscriptions, outside any queue group) drops what the event names
 * from its caches, and drops everything cached when its NATS connection goes down or comes back, since core NATS
 * delivers at most once and events sent meanwhile are lost.
 */
@Injectable()
export class AccessChangeListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscriptions: Subscription[] = [];

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    private readonly sessions: SessionCache,
    private readonly access: AccessCache,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('access');
  }

  onApplicationBootstrap(): void {
    this.subscriptions = [
      this.on(Events.SessionEnded, 'session_id', (id) => this.sessions.drop(id)),
      this.on(Events.MemberChanged, 'user_id', (id) => this.access.dropMember(id)),
      this.on(Events.ApiKeyChanged, 'key_id', (id) => this.access.dropKey(id)),
    ];
    onConnectionChanges(this.nats, (change) => {
      this.sessions.clear();
      this.access.clear();
      this.logger.info({ server: change.server }, `NATS connection ${change.type === 'disconnect' ? 'lost' : 'back'}: every cached session, member and key dropped`);
    }).catch((error: unknown) => {
      // Only the cache TTL bounds a missed change from here on: loud, since that is a lesser guarantee.
      this.logger.error({ err: error }, 'watching the NATS connection failed: access caches are no longer dropped on disconnect');
    });
  }

  onApplicationShutdown(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  private on(event: string, field: string, drop: (id: string) => void): Subscription {
    return this.nats.subscribe(event, {
      callback: (error, message) => {
        if (error) {
          this.logger.warn({ err: error, event }, 'access change subscription failed');
          return;
        }
        const id = idOf(message.data, field);
        if (id !== undefined) drop(id);
      },
    });
  }
}

function idOf(data: Uint8Array, field: string): string | undefined {
  try {
    const value = (JSON.parse(new TextDecoder().decode(data)) as Record<string, unknown>)[field];
    return typeof value === 'string' ? value : undefined;
  } catch {
    // Events are ours and always JSON; anything else names nothing and drops nothing.
    return undefined;
  }
}
