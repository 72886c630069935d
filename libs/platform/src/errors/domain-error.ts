import { ErrorCode, type ErrorBody } from '@switchboard/contracts';

/** An expected failure with a machine-readable code; crosses NATS as its {@link ErrorBody}. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** The wire form of this error. */
  toBody(): ErrorBody {
    return { code: this.code, message: this.message, details: this.details };
  }

  /** Wraps an error body received from another service so it can be rethrown unchanged. */
  static fromBody(body: ErrorBody): DomainError {
    return new DomainError(body.code, body.message, body.details ?? {});
  }
}

