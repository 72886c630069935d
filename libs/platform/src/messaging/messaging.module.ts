import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { connectNats, type NatsAccess } from './nats-connection.js';
import { NatsRequester } from './nats-requester.js';
import { EventPublisher } from './event-publisher.js';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');

export interface MessagingOptions {
  nats: NatsAccess;
  clientName: string;
  requestTimeoutMs: number;
}

/** The outbound side of NATS for a service: requests to other services and domain events. */
@Global()
@Module({})
export class MessagingModule implements OnApplicationShutdown {
  constructor(@Inject(NATS_CONNECTION) private readonly connection: NatsConnection) {}

  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: NATS_CONNECTION, useFactory: () => connectNats(options.nats, options.clientName) },
        { provide: NatsRequester, useFactory: (nc: NatsConnection) => new NatsRequester(nc, options.requestTimeoutMs), inject: [NATS_CONNECTION] },
        { provide: EventPublisher, useFactory: (nc: NatsConnection) => new EventPublisher(nc), inject: [NATS_CONNECTION] },
      ],
      exports: [NATS_CONNECTION, NatsRequester, EventPublisher],
    };
  }

  // Drain lets replies and events already handed to NATS go out before the process ends.
  async onApplicationShutdown(): Promise<void> {
    if (!this.connection.isClosed()) await this.connection.drain();
  }
}
