import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { BUS_USAGE, Events } from '@switchboard/contracts';
import { NATS_CONNECTION, onConnectionChanges } from '@switchboard/platform';
import { PinoLogger } from 'nestjs-pino';
import { OAUTH_REFRESH_ACTOR } from '../runs/oauth/refresh-token-write-back.js';
import { ExecutorCaches } from './executor-caches.js';

// Every replica must hear every change, so these are plain subscriptions, outside the queue group.
const CHANGE_SUBJECTS = BUS_USAGE['action-executor'].listensTo;
const CATALOG_EVENTS = 'events.catalog.';

/**
 * Drops a workspace's cached actions the moment its apps change, and its run plans, secret values, OAuth2 access tokens and webhook receive ids
 * the moment its connections, apps or secrets change, its webhook forwarding secrets when one is rotated (nothing else changes them), and of every workspace when the NATS connection drops and again when it is back: core NATS delivers
 * at most once, so events published meanwhile never arrive.
 */
@Injectable()
export class CacheInvalidation implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscriptions: Subscription[] = [];

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    private readonly caches: ExecutorCaches,
    private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.subscriptions = CHANGE_SUBJECTS.map((subject) =>
      this.nats.subscribe(subject, {
        callback: (error, message) => {
          if (error) {
            this.logger.warn({ err: error, subject }, 'cache invalidation subscription failed');
            return;
          }
          const event = eventOf(message.data);
          if (!event) return;
          const { actions, plans, secrets, accessTokens, receiveTargets, forwardingSecrets } = this.caches;
          if (message.subject === Events.WebhookForwardingSecretRotated) {
            forwardingSecrets.invalidateWorkspace(event.workspaceId);
            return;
          }
          if (message.subject.startsWith(CATALOG_EVENTS)) actions.invalidateWorkspace(event.workspaceId);
          plans.invalidateWorkspace(event.workspaceId);
          secrets.invalidateWorkspace(event.workspaceId);
          receiveTargets.invalidateWorkspace(event.workspaceId);
          // A refresh token the executor itself stored after a rotation leaves the access token issued with it good;
          // dropping it would make every run refresh, rotate and store again.
          if (!(message.subject === Events.SecretRotated && event.userId === OAUTH_REFRESH_ACTOR)) accessTokens.invalidateWorkspace(event.workspaceId);
        },
      }),
    );
    onConnectionChanges(this.nats, (change) => {
      this.caches.clear();
      this.logger.info(
        { server: change.server },
        `NATS connection ${change.type === 'disconnect' ? 'lost' : 'back'}: every cached run plan, secret, access token, webhook receive id and forwarding secret dropped`,
      );
    }).catch((error: unknown) => {
      // Only the maximum age bounds staleness from here on: loud, since that is a lesser guarantee.
      this.logger.error({ err: error }, 'watching the NATS connection failed: caches are no longer emptied on disconnect');
    });
  }

  onApplicationShutdown(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }
}

function eventOf(data: Uint8Array): { workspaceId: string; userId?: string } | undefined {
  try {
    const payload = JSON.parse(new TextDecoder().decode(data)) as { workspace_id?: unknown; user_id?: unknown };
    if (typeof payload.workspace_id !== 'string') return undefined;
    return { workspaceId: payload.workspace_id, ...(typeof payload.user_id === 'string' ? { userId: payload.user_id } : {}) };
  } catch {
    // Events are ours and always JSON; anything else names no workspace and invalidates nothing.
    return undefined;
  }
}
