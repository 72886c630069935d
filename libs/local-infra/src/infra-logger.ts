/** Where local-infra reports what it does; `console` and pino loggers both fit. */
export interface InfraLogger {
  info(message: string): void;
  warn(message: string): void;
}

/** A server found or started by local-infra. */
export interface RunningServer {
  /** Connection URL the services should use. */
  readonly url: string;
  /** True when this process started the server (so stop() shuts it down); false when an answering one was reused. */
  readonly startedByUs: boolean;
  /** Stops the server if we started it (and removes ephemeral data); a no-op for reused servers. */
  stop(): Promise<void>;
  /** For a server we started: settles with a description when its process ends, expected or not. */
  readonly exited?: Promise<string>;
}
