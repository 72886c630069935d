import { Streams, Subjects, type Subject } from './subjects.js';

/** The five services, each a NATS user of its own. */
export const BUS_SERVICES = ['gateway', 'catalog', 'connection', 'secrets-vault', 'action-executor'] as const;
export type BusService = (typeof BUS_SERVICES)[number];

/** JetStream Object Store buckets, each a stream `OBJ_<bucket>` on subjects `$O.<bucket>.>`. */
export const ObjectStores = {
  /** API documents on their way from the gateway or the executor to the catalog (see ImportDocumentStore). */
  ImportDocuments: 'import-documents',
} as const;
type ObjectStore = (typeof ObjectStores)[keyof typeof ObjectStores];
type WorkQueueStream = (typeof Streams)[keyof typeof Streams];

/** Domain events by the domain that publishes them: `events.<domain>.>`. */
export const EventDomains = {
  Catalog: 'events.catalog.>',
  Connection: 'events.connection.>',
  Secrets: 'events.secrets.>',
  Gateway: 'events.gateway.>',
} as const;

// A subject's first token names the service that answers it; an event's second token the one that publishes it.
const ANSWERER_OF_DOMAIN: Record<string, BusService> = {
  catalog: 'catalog',
  connection: 'connection',
  secrets: 'secrets-vault',
  actions: 'action-executor',
  executor: 'action-executor',
};
const PUBLISHER_OF_EVENT_DOMAIN: Record<string, BusService> = {
  catalog: 'catalog',
  connection: 'connection',
  secrets: 'secrets-vault',
  gateway: 'gateway',
};

/** What a service does on the bus besides answering its own subjects and publishing and hearing its own domain's events. */
interface BusUsage {
  /** Subjects of other services it sends requests (or NestJS events) to. */
  readonly calls: readonly Subject[];
  /** Events (or `events.<domain>.>` wildcards) it subscribes to. */
  readonly listensTo: readonly string[];
  /** Work-queue streams it creates, publishes to and consumes. */
  readonly streams: readonly WorkQueueStream[];
  readonly objectStores: readonly ObjectStore[];
}

const HEALTH_CHECKS = [Subjects.CatalogHealthCheck, Subjects.ConnectionHealthCheck, Subjects.SecretsHealthCheck, Subjects.ActionsHealthCheck];

/**
 * Who calls what: the one list every service's NATS permissions are derived from (busPermissions). A call missing
 * here is refused by nats-server as a permissions violation; a spec reads each service's sources and fails on a
 * subject it names that is neither its own nor listed here, and on one listed here that it never names.
 */
export const BUS_USAGE: Record<BusService, BusUsage> = {
  gateway: {
    calls: [
      ...HEALTH_CHECKS,
      Subjects.CatalogAppCreate,
      Subjects.CatalogAppFetch,
      Subjects.CatalogAppList,
      Subjects.CatalogActionFetch,
      Subjects.CatalogAppUpdate,
      Subjects.CatalogAppDelete,
      Subjects.CatalogTemplateList,
      Subjects.CatalogTemplateFetch,
      Subjects.CatalogTemplateInstall,
      Subjects.CatalogAppTemplatePreview,
      Subjects.CatalogAppTemplateApply,
      Subjects.CatalogAppPublish,
      Subjects.CatalogAppImportPreview,
      Subjects.CatalogAppImportCommit,
      Subjects.CatalogProductEnsure,
      Subjects.CatalogProductFetch,
      Subjects.CatalogProductList,
      Subjects.CatalogProductUpdate,
      Subjects.CatalogProductDelete,
      Subjects.ConnectionAppConnect,
      Subjects.ConnectionCreate,
      Subjects.ConnectionFetch,
      Subjects.ConnectionList,
      Subjects.ConnectionUpdate,
      Subjects.ConnectionDelete,
      Subjects.ConnectionWebhookCreate,
      Subjects.ConnectionWebhookList,
      Subjects.ConnectionWebhookFetch,
      Subjects.ConnectionWebhookUpdate,
      Subjects.ConnectionWebhookDelete,
      Subjects.SecretsSecretCreate,
      Subjects.SecretsSecretUpdate,
      Subjects.SecretsSecretRotate,
      Subjects.SecretsSecretDelete,
      Subjects.SecretsSecretFetch,
      Subjects.SecretsSecretList,
      Subjects.SecretsAuditList,
      Subjects.SecretsIntegrationSecretGet,
      Subjects.SecretsIntegrationSecretSet,
      Subjects.SecretsWebhookForwardingSecretEnsure,
      Subjects.SecretsWebhookForwardingSecretRotate,
      Subjects.ActionsActionRun,
      Subjects.ActionsActionPlan,
      Subjects.ActionsActionDispatch,
      Subjects.ActionsRunList,
      Subjects.ActionsRunFetch,
      Subjects.ActionsIntegrationFetch,
      Subjects.ActionsImportDocumentFetch,
      Subjects.ExecutorWebhookReceive,
      Subjects.ExecutorWebhookEventList,
      Subjects.ExecutorWebhookEventFetch,
      Subjects.ExecutorWebhookEventReplay,
      Subjects.ExecutorWebhookEventReplayMany,
      Subjects.ExecutorWebhookDeliveryStateList,
      Subjects.ExecutorWebhookTargetEnable,
    ],
    // Its replicas tell each other of ended sessions through its own domain's events, which every service hears.
    listensTo: [],
    streams: [],
    objectStores: [ObjectStores.ImportDocuments],
  },
  catalog: {
    calls: [Subjects.ConnectionListByApp, Subjects.ConnectionListByProduct, Subjects.ConnectionWebhookListByProduct],
    listensTo: [],
    streams: [],
    objectStores: [ObjectStores.ImportDocuments],
  },
  connection: {
    calls: [Subjects.CatalogAppEnsure, Subjects.CatalogAppFetch, Subjects.CatalogProductFetch, Subjects.ExecutorOutboundAddressCheck],
    listensTo: [],
    streams: [],
    objectStores: [],
  },
  'secrets-vault': {
    calls: [Subjects.CatalogProductList],
    listensTo: [],
    streams: [],
    objectStores: [],
  },
  'action-executor': {
    calls: [
      Subjects.CatalogActionFetch,
      Subjects.CatalogProductFetch,
      Subjects.ConnectionFetch,
      Subjects.ConnectionWebhookFetch,
      Subjects.ConnectionWebhookResolveReceive,
      Subjects.SecretsReferenceResolve,
      Subjects.SecretsReferenceCheck,
      Subjects.SecretsIntegrationFetchReferenceResolve,
      Subjects.SecretsSecretRotate,
      Subjects.SecretsSecretUseRecord,
      Subjects.SecretsWebhookForwardingSecretEnsure,
    ],
    listensTo: [EventDomains.Connection, EventDomains.Catalog, EventDomains.Secrets],
    streams: [Streams.ActionsDispatch, Streams.WebhookDeliveries],
    objectStores: [ObjectStores.ImportDocuments],
  },
};

/** The service that answers a subject. */
export function answererOf(subject: Subject): BusService {
  const service = ANSWERER_OF_DOMAIN[subject.slice(0, subject.indexOf('.'))];
  if (!service) throw new Error(`No service answers the domain of ${subject}`);
  return service;
}

/** The subjects a service answers (subscribes to in its queue group, or on every replica). */
export function subjectsAnsweredBy(service: BusService): Subject[] {
  return Object.values(Subjects).filter((subject) => answererOf(subject) === service);
}

/** The events a service publishes, and hears (its replicas tell each other): those of its own domain. */
export function eventsPublishedBy(service: BusService): string[] {
  return Object.values(EventDomains).filter((domain) => PUBLISHER_OF_EVENT_DOMAIN[domain.split('.')[1] ?? ''] === service);
}

/**
 * Where a service's request replies arrive. A prefix per service lets each subscribe to its own replies only: with
 * `_INBOX.>` for all, any service could read another's replies, secret values among them.
 */
export function busInboxPrefix(service: BusService): string {
  return `_INBOX.${service}`;
}

/** A NATS user's permissions, in nats-server's terms. */
export interface BusPermissions {
  readonly publish: readonly string[];
  readonly subscribe: readonly string[];
  /** Lets it publish to the reply subject of a request it received, once: true for services that answer. */
  readonly allowResponses: boolean;
}

/** What one service's NATS user may publish and subscribe to, derived from the subjects and {@link BUS_USAGE}. */
export function busPermissions(service: BusService): BusPermissions {
  const usage = BUS_USAGE[service];
  const answers = subjectsAnsweredBy(service);
  const jetStream = [...usage.streams.map(workQueueStreamGrants), ...usage.objectStores.map(objectStoreGrants)].flat();
  return {
    publish: unique([
      ...usage.calls,
      ...eventsPublishedBy(service),
      ...usage.streams.flatMap((stream) => stream.subjects),
      ...usage.objectStores.map((bucket) => `$O.${bucket}.>`),
      ...(jetStream.length ? ['$JS.API.INFO', ...jetStream] : []),
    ]),
    subscribe: unique([...answers, ...eventsPublishedBy(service), ...usage.listensTo, `${busInboxPrefix(service)}.>`]),
    allowResponses: answers.length > 0,
  };
}

// The JetStream API calls the services make, each naming the stream: $JS.API.STREAM.INFO.<stream>,
// $JS.API.CONSUMER.CREATE.<stream>.<consumer>[.<filter>], $JS.API.CONSUMER.MSG.NEXT.<stream>.<consumer>, …; acks go to
// $JS.ACK.<stream>.>. Deleting or purging a stream is nobody's: those verbs are left out.
function jetStreamGrants(stream: string): string[] {
  return [
    ...['INFO', 'CREATE', 'UPDATE'].map((verb) => `$JS.API.STREAM.${verb}.${stream}`),
    `$JS.API.STREAM.MSG.GET.${stream}`,
    `$JS.API.DIRECT.GET.${stream}`,
    `$JS.API.DIRECT.GET.${stream}.>`,
    ...['CREATE', 'INFO', 'DELETE', 'DURABLE.CREATE', 'MSG.NEXT'].map((verb) => `$JS.API.CONSUMER.${verb}.${stream}.>`),
    `$JS.ACK.${stream}.>`,
  ];
}

function workQueueStreamGrants(stream: WorkQueueStream): string[] {
  return jetStreamGrants(stream.name);
}

function objectStoreGrants(bucket: ObjectStore): string[] {
  return jetStreamGrants(`OBJ_${bucket}`);
}

function unique(subjects: string[]): string[] {
  return [...new Set(subjects)];
}

/** Every service's NATS user and its permissions: what a nats-server for the platform is configured with. */
export function busUsers(): Record<BusService, BusPermissions> {
  return Object.fromEntries(BUS_SERVICES.map((service) => [service, busPermissions(service)])) as Record<BusService, BusPermissions>;
}
