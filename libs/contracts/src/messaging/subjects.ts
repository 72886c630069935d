/**
 * NATS subjects, read as `domain.entity.verb`. Request-reply subjects are answered by one
 * member of the owning service's queue group.
 */
export const Subjects = {
  CatalogHealthCheck: 'catalog.health.check',
  CatalogAppCreate: 'catalog.app.create',
  CatalogAppEnsure: 'catalog.app.ensure',
  CatalogAppFetch: 'catalog.app.fetch',
  CatalogAppList: 'catalog.app.list',
  CatalogActionFetch: 'catalog.action.fetch',
  CatalogAppUpdate: 'catalog.app.update',
  CatalogAppDelete: 'catalog.app.delete',
  CatalogTemplateList: 'catalog.template.list',
  CatalogTemplateFetch: 'catalog.template.fetch',
  CatalogTemplateInstall: 'catalog.template.install',
  CatalogAppTemplatePreview: 'catalog.app.template-preview',
  CatalogAppTemplateApply: 'catalog.app.template-apply',
  CatalogAppPublish: 'catalog.app.publish',
  CatalogAppImportPreview: 'catalog.app-import.preview',
  CatalogAppImportCommit: 'catalog.app-import.commit',
  CatalogProductEnsure: 'catalog.product.ensure',
  CatalogProductFetch: 'catalog.product.fetch',
  CatalogProductList: 'catalog.product.list',
  CatalogProductUpdate: 'catalog.product.update',
  CatalogProductDelete: 'catalog.product.delete',

  ConnectionHealthCheck: 'connection.health.check',
  ConnectionAppConnect: 'connection.app.connect',
  ConnectionCreate: 'connection.connection.create',
  ConnectionFetch: 'connection.connection.fetch',
  ConnectionList: 'connection.connection.list',
  ConnectionUpdate: 'connection.connection.update',
  ConnectionDelete: 'connection.connection.delete',
  ConnectionListByApp: 'connection.connection.list-by-app',
  ConnectionListByProduct: 'connection.connection.list-by-product',
  ConnectionWebhookCreate: 'connection.webhook.create',
  ConnectionWebhookList: 'connection.webhook.list',
  ConnectionWebhookFetch: 'connection.webhook.fetch',
  ConnectionWebhookUpdate: 'connection.webhook.update',
  ConnectionWebhookDelete: 'connection.webhook.delete',
  ConnectionWebhookListByProduct: 'connection.webhook.list-by-product',
  ConnectionWebhookResolveReceive: 'connection.webhook.resolve-receive',

  SecretsHealthCheck: 'secrets.health.check',
  SecretsSecretCreate: 'secrets.secret.create',
  SecretsSecretUpdate: 'secrets.secret.update',
  SecretsSecretRotate: 'secrets.secret.rotate',
  SecretsSecretDelete: 'secrets.secret.delete',
  SecretsSecretFetch: 'secrets.secret.fetch',
  SecretsSecretList: 'secrets.secret.list',
  SecretsAuditList: 'secrets.audit.list',
  SecretsReferenceResolve: 'secrets.reference.resolve',
  SecretsReferenceCheck: 'secrets.reference.check',
  SecretsSecretUseRecord: 'secrets.secret-use.record',
  SecretsIntegrationFetchReferenceResolve: 'secrets.integration-fetch-reference.resolve',
  SecretsIntegrationSecretGet: 'secrets.integration-secret.get',
  SecretsIntegrationSecretSet: 'secrets.integration-secret.set',
  SecretsWebhookForwardingSecretEnsure: 'secrets.webhook-forwarding-secret.ensure',
  SecretsWebhookForwardingSecretRotate: 'secrets.webhook-forwarding-secret.rotate',
  ActionsHealthCheck: 'actions.health.check',
  ActionsActionRun: 'actions.action.run',
  ActionsActionPlan: 'actions.action.plan',
  ActionsActionDispatch: 'actions.action.dispatch',
  ActionsRunList: 'actions.run.list',
  ActionsRunFetch: 'actions.run.fetch',
  ActionsIntegrationFetch: 'actions.integration.fetch',
  ActionsImportDocumentFetch: 'actions.import-document.fetch',
  ExecutorOutboundAddressCheck: 'executor.outbound-address.check',
  /** Answered by every executor replica, not one of the queue group: see ExecutorCacheStatsReply. */
  ExecutorCacheStatsFetch: 'executor.cache-stats.fetch',
  ExecutorWebhookReceive: 'executor.webhook.receive',
  ExecutorWebhookEventList: 'executor.webhook-event.list',
  ExecutorWebhookEventFetch: 'executor.webhook-event.fetch',
  ExecutorWebhookEventReplay: 'executor.webhook-event.replay',
  ExecutorWebhookEventReplayMany: 'executor.webhook-event.replay-many',
  ExecutorWebhookDeliveryStateList: 'executor.webhook-delivery-state.list',
  ExecutorWebhookTargetEnable: 'executor.webhook-target.enable',
} as const;

export type Subject = (typeof Subjects)[keyof typeof Subjects];

/**
 * JetStream streams: durable work, with its subjects and the durable consumer that reads it. A stream's subjects
 * must not overlap a request-reply subject above: JetStream would store those requests and answer them itself.
 */
export const Streams = {
  /** Dispatched action runs, written by `actions.action.dispatch` and worked off by every executor replica. */
  ActionsDispatch: {
    name: 'ACTIONS_DISPATCH',
    subjects: ['actions.dispatch.>'],
    /** Where each dispatched run is published. */
    runSubject: 'actions.dispatch.run',
    /** One durable pull consumer shared by all replicas: each message goes to one of them at a time. */
    consumer: 'action-executor-dispatch',
  },
  /** Accepted webhook events waiting to be forwarded, written by `executor.webhook.receive` and its sweeper. */
  WebhookDeliveries: {
    name: 'WEBHOOK_DELIVERIES',
    subjects: ['executor.webhook-delivery.>'],
    /** Where each accepted event's id is published. */
    eventSubject: 'executor.webhook-delivery.event',
    consumer: 'action-executor-webhook-delivery',
  },
} as const;

/** Queue group names: every replica of a service joins its group, so NATS spreads requests. */
export const QueueGroups = {
  Catalog: 'catalog',
  Connection: 'connection',
  SecretsVault: 'secrets-vault',
  ActionExecutor: 'action-executor',
} as const;

/** Domain events, `events.<domain>.<entity>.<past-tense>`; caches subscribe to drop stale entries. */
export const Events = {
  AppCreated: 'events.catalog.app.created',
  AppUpdated: 'events.catalog.app.updated',
  AppDeleted: 'events.catalog.app.deleted',
  TemplatePublished: 'events.catalog.template.published',
  ProductCreated: 'events.catalog.product.created',
  ProductUpdated: 'events.catalog.product.updated',
  ProductDeleted: 'events.catalog.product.deleted',
  ConnectionCreated: 'events.connection.connection.created',
  ConnectionUpdated: 'events.connection.connection.updated',
  ConnectionDeleted: 'events.connection.connection.deleted',
  WebhookCreated: 'events.connection.webhook.created',
  WebhookUpdated: 'events.connection.webhook.updated',
  WebhookDeleted: 'events.connection.webhook.deleted',
  SecretCreated: 'events.secrets.secret.created',
  SecretUpdated: 'events.secrets.secret.updated',
  SecretRotated: 'events.secrets.secret.rotated',
  SecretDeleted: 'events.secrets.secret.deleted',
  WebhookForwardingSecretRotated: 'events.secrets.webhook-forwarding-secret.rotated',
  SessionCreated: 'events.gateway.session.created',
  SessionEnded: 'events.gateway.session.ended',
  /** A member was added, changed or removed: every gateway replica drops what it caches of them. */
  MemberChanged: 'events.gateway.member.changed',
  /** An API key was rotated or revoked: every gateway replica drops its cached hash. */
  ApiKeyChanged: 'events.gateway.api-key.changed',
} as const;
