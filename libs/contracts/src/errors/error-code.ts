/** Every machine-readable error code the platform returns, over NATS and HTTP alike. */
export enum ErrorCode {
  ValidationFailed = 'validation_failed',
  PayloadTooLarge = 'payload_too_large',
  Unauthenticated = 'unauthenticated',
  RouteNotFound = 'route_not_found',
  ProductNotFound = 'product_not_found',
  ProductEnvNotFound = 'product_env_not_found',
  AppNotFound = 'app_not_found',
  AppEnvNotFound = 'app_env_not_found',
  AppTagTaken = 'app_tag_taken',
  ConnectionNotFound = 'connection_not_found',
  AccessTagTaken = 'access_tag_taken',
  ServiceUnavailable = 'service_unavailable',
  ServiceTimeout = 'service_timeout',
  InternalError = 'internal_error',
}
