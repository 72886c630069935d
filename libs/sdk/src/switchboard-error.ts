/** Codes of the failures the SDK detects itself; errors from the gateway keep the gateway's own code. */
export enum SdkErrorCode {
  InvalidOptions = 'invalid_options',
  InvalidArgument = 'invalid_argument',
  ProductNotSelected = 'product_not_selected',
  /** `signOut()` on a client that has no session: built with a private key, or signed out already. */
  NoSession = 'no_session',
  NetworkError = 'network_error',
  Timeout = 'timeout',
  HttpError = 'http_error',
  InvalidResponse = 'invalid_response',
}

/** Everything needed to build a SwitchboardError. */
export interface SwitchboardErrorInit {
  code: string;
  message: string;
  /** HTTP status of the reply, 0 when no reply was received. */
  status?: number;
  details?: Record<string, unknown>;
  cause?: unknown;
}

/** The one error type the SDK throws, from the gateway or from the SDK itself. */
export class SwitchboardError extends Error {
  override readonly name = 'SwitchboardError';
  /** A gateway error code such as `app_not_found`, or one of SdkErrorCode. */
  readonly code: string;
  /** HTTP status of the reply, 0 when no reply was received. */
  readonly status: number;
  readonly details: Record<string, unknown>;

  constructor(init: SwitchboardErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status ?? 0;
    this.details = init.details ?? {};
  }
}
