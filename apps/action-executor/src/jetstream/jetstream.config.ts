import { IsInt, Max, Min } from 'class-validator';

/** How the executor's streams are kept by NATS. */
export class JetStreamConfig {
  /**
   * Copies of each stream (dispatched runs, webhook deliveries) across a NATS cluster's nodes: 3 on a cluster of three
   * or more keeps every message through the loss of any one node. 1 on a single nats-server.
   */
  @IsInt()
  @Min(1)
  @Max(5)
  JETSTREAM_REPLICAS: number = 1;
}
