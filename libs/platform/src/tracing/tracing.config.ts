import { IsHttpUrl } from '@switchboard/contracts';
import { IsIn, Matches, ValidateIf } from 'class-validator';

const OTLP_PROTOCOLS = ['', 'grpc', 'http/protobuf', 'http/json'];

/**
 * The OpenTelemetry settings that decide whether and where a service traces, checked at start with every other
 * setting (the SDK would only warn, and only with `OTEL_LOG_LEVEL` set, before dropping a misspelt one). They keep
 * OpenTelemetry's own names and meanings; the SDK reads them, and the rest of the `OTEL_` family, itself.
 */
export class TracingConfig {
  /** Empty: tracing follows the endpoints below. `none` alone turns it off; the SDK reads `none` beside others as `otlp`. */
  @Matches(/^(none|((otlp|zipkin|console)(,(otlp|zipkin|console))*))?$/, {
    message: 'OTEL_TRACES_EXPORTER must be empty, none, or a comma-separated list of otlp, zipkin and console',
  })
  OTEL_TRACES_EXPORTER: string = '';

  @ValidateIf((config: TracingConfig) => config.OTEL_EXPORTER_OTLP_ENDPOINT !== '')
  @IsHttpUrl({ message: 'OTEL_EXPORTER_OTLP_ENDPOINT must be empty or an absolute http(s) URL' })
  OTEL_EXPORTER_OTLP_ENDPOINT: string = '';

  @ValidateIf((config: TracingConfig) => config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT !== '')
  @IsHttpUrl({ message: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be empty or an absolute http(s) URL' })
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: string = '';

  @IsIn(OTLP_PROTOCOLS, { message: 'OTEL_EXPORTER_OTLP_PROTOCOL must be empty, grpc, http/protobuf or http/json' })
  OTEL_EXPORTER_OTLP_PROTOCOL: string = '';

  @IsIn(OTLP_PROTOCOLS, { message: 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL must be empty, grpc, http/protobuf or http/json' })
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: string = '';

  @IsIn(['', 'true', 'false'], { message: 'OTEL_SDK_DISABLED must be empty, true or false' })
  OTEL_SDK_DISABLED: string = '';
}
