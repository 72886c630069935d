import { startFakeThirdPartyApi } from './fake-third-party-api.js';

/** One span as a service exported it, read from OTLP/JSON. */
export interface CollectedSpan {
  /** `service.name` of the resource that exported it. */
  service: string;
  name: string;
  /** OTLP's enum: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  traceId: string;
  spanId: string;
  /** `''` for the root of a trace. */
  parentSpanId: string;
  attributes: Record<string, string | number | boolean>;
  /** OTLP's status code: 0 unset, 1 ok, 2 error. */
  status: number;
}

/** A local OTLP/HTTP receiver for services exporting with `OTEL_EXPORTER_OTLP_PROTOCOL=http/json`. */
export interface OtlpCollector {
  /** The value for `OTEL_EXPORTER_OTLP_ENDPOINT`: exporters post to `<url>/v1/traces`. */
  readonly url: string;
  /** Every span received so far, in arrival order. */
  spans(): CollectedSpan[];
  /** Every export request's body as it arrived, for a leak scan. */
  bodies(): string[];
  stop(): Promise<void>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
}

interface OtlpExport {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: OtlpValue }[] };
    scopeSpans?: {
      spans?: { name: string; kind: number; traceId: string; spanId: string; parentSpanId?: string; attributes?: { key: string; value: OtlpValue }[]; status?: { code?: number } }[];
    }[];
  }[];
}

/** Starts an OTLP/JSON trace receiver on 127.0.0.1 and a free port, answering every export with success. */
export async function startOtlpCollector(): Promise<OtlpCollector> {
  const receiver = await startFakeThirdPartyApi();
  receiver.route('POST', '/v1/traces', () => ({ status: 200, body: {} }));
  const bodies = (): string[] => receiver.received.filter((request) => request.path === '/v1/traces').map((request) => request.body);
  return {
    url: receiver.url,
    bodies,
    spans: () => bodies().flatMap((body) => spansOf(JSON.parse(body) as OtlpExport)),
    stop: () => receiver.stop(),
  };
}

function spansOf(exported: OtlpExport): CollectedSpan[] {
  return (exported.resourceSpans ?? []).flatMap((resourceSpans) => {
    const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name'] ?? '');
    return (resourceSpans.scopeSpans ?? []).flatMap((scope) =>
      (scope.spans ?? []).map((span) => ({
        service,
        name: span.name,
        kind: span.kind,
        traceId: idOf(span.traceId),
        spanId: idOf(span.spanId),
        parentSpanId: idOf(span.parentSpanId ?? ''),
        attributes: attributesOf(span.attributes),
        status: span.status?.code ?? 0,
      })),
    );
  });
}

function attributesOf(attributes: { key: string; value: OtlpValue }[] | undefined): Record<string, string | number | boolean> {
  const read: Record<string, string | number | boolean> = {};
  for (const { key, value } of attributes ?? []) {
    const scalar = value.stringValue ?? value.boolValue ?? value.doubleValue ?? (value.intValue === undefined ? undefined : Number(value.intValue));
    if (scalar !== undefined) read[key] = scalar;
  }
  return read;
}

// OTLP/JSON writes ids in hex; an exporter following protobuf's JSON mapping would write base64 instead.
function idOf(id: string): string {
  return /^([0-9a-f]{16}|[0-9a-f]{32})$/i.test(id) || id === '' ? id.toLowerCase() : Buffer.from(id, 'base64').toString('hex');
}
