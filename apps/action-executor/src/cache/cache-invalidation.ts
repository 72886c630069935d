import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { NATS_CONNECTION } from '@switchboard/platform';
import { PinoLogger } from 'nestjs-pino';
import { AccessTokenCache } from './access-token.cache.js';
import { RunPlanCache } from './run-plan.cache.js';
import { SecretValueCache } from './secret-value.cache.js';

// Every replica must hear every change, so these are plain subscriptions, outside the queue group.
const CHANGE_SUBJECTS = ['events.connection.>', 'events.catalog.>', 'events.secrets.>'];

/** Drops cached run plans, secret values and OAuth2 access tokens of a workspace the moment its connections, apps or secrets change. */
@Injectable()
export class CacheInvalidation implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscriptions: Subscription[] = [];

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    private readonly plans: RunPlanCache,
    private readonly secrets: SecretValueCache,
    private readonly accessTokens: AccessTokenCache,
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
          const workspaceId = workspaceOf(message.data);
          if (!workspaceId) return;
          this.plans.invalidateWorkspace(workspaceId);
          this.secrets.invalidateWorkspace(workspaceId);
          this.accessTokens.invalidateWorkspace(workspaceId);
        },
      }),
    );
  }

  onApplicationShutdown(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }
}

function workspaceOf(data: Uint8Array): string | undefined {
  try {
    const payload = JSON.parse(new TextDecoder().decode(data)) as { workspace_id?: unknown };
    return typeof payload.workspace_id === 'string' ? payload.workspace_id : undefined;
  } catch {
    // Events are ours and always JSON; anything else names no workspace and invalidates nothing.
    return undefined;
  }
}
