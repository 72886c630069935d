import { ErrorCode } from '@switchboard/contracts';

/** The one place error codes become HTTP statuses; the switch is exhaustive, so a new code must be mapped. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.ValidationFailed:
    case ErrorCode.MissingPathParam:
    case ErrorCode.BodyNotEncodable:
    case ErrorCode.DocumentInvalid:
    case ErrorCode.DocumentUnsupported:
      return 400;
    case ErrorCode.Unauthenticated:
    case ErrorCode.WebhookSignatureInvalid:
    case ErrorCode.WebhookTimestampStale:
    case ErrorCode.WebhookSecretUnavailable:
      return 401;
    case ErrorCode.CsrfInvalid:
    case ErrorCode.Forbidden:
    case ErrorCode.SecretNotInScope:
    case ErrorCode.SecretNotInEnv:
    case ErrorCode.OutboundAddressRefused:
      return 403;
    case ErrorCode.RouteNotFound:
    case ErrorCode.ProductNotFound:
    case ErrorCode.AppNotFound:
    case ErrorCode.TemplateNotFound:
    case ErrorCode.ConnectionNotFound:
    case ErrorCode.SecretNotFound:
    case ErrorCode.ActionNotFound:
    case ErrorCode.RunNotFound:
    case ErrorCode.ImportNotFound:
    case ErrorCode.WebhookNotFound:
    case ErrorCode.WebhookEventNotFound:
    case ErrorCode.MemberNotFound:
    case ErrorCode.ApiKeyNotFound:
      return 404;
    case ErrorCode.AppTagTaken:
    case ErrorCode.AppInUse:
    case ErrorCode.ProductInUse:
    case ErrorCode.ProductEnvInUse:
    case ErrorCode.AccessTagTaken:
    case ErrorCode.SecretKeyTaken:
    case ErrorCode.IdempotencyKeyReused:
    case ErrorCode.WebhookTagTaken:
    case ErrorCode.WebhookEventNotReplayable:
    case ErrorCode.WebhookForwardUrlMissing:
    case ErrorCode.OwnerProtected:
      return 409;
    case ErrorCode.PayloadTooLarge:
    case ErrorCode.DocumentTooLarge:
    case ErrorCode.AppTooLarge:
      return 413;
    case ErrorCode.UnsupportedMediaType:
      return 415;
    case ErrorCode.ProductEnvNotFound:
    case ErrorCode.AppEnvNotFound:
    case ErrorCode.SecretExpired:
    case ErrorCode.ConnectionEnvNotFound:
    case ErrorCode.ConnectionEnvInactive:
    case ErrorCode.ProductEnvInactive:
    case ErrorCode.VariableNotFound:
    case ErrorCode.InputInvalid:
    case ErrorCode.SigningSecretNotReference:
    case ErrorCode.ForwardUrlRefused:
      return 422;
    case ErrorCode.ConnectionBusy:
    case ErrorCode.ConnectionRateLimited:
    case ErrorCode.WebhookRateLimited:
    case ErrorCode.RateLimited:
      return 429;
    case ErrorCode.InternalError:
      return 500;
    case ErrorCode.UpstreamUnreachable:
    case ErrorCode.UpstreamResponseTooLarge:
    case ErrorCode.UpstreamAuthFailed:
      return 502;
    case ErrorCode.ServiceUnavailable:
    case ErrorCode.DatabaseUnavailable:
    case ErrorCode.SecretStorageUnavailable:
      return 503;
    case ErrorCode.ServiceTimeout:
    case ErrorCode.UpstreamTimeout:
      return 504;
    default:
      return assertUnreachable(code);
  }
}

function assertUnreachable(code: never): never {
  throw new Error(`Error code ${String(code)} has no HTTP status`);
}
