import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { stopTracing } from './start-tracing.js';

/** Exports a stopping service's last spans once NestJS has closed everything that could still make one. */
@Injectable()
export class TracingShutdown implements OnApplicationShutdown {
  onApplicationShutdown(): Promise<void> {
    return stopTracing();
  }
}
