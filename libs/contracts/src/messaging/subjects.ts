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
  CatalogProductEnsure: 'catalog.product.ensure',
  CatalogProductFetch: 'catalog.product.fetch',
  CatalogProductList: 'catalog.product.list',

  ConnectionHealthCheck: 'connection.health.check',
  ConnectionAccessTagSuggest: 'connection.access-tag.suggest',
  ConnectionCreate: 'connection.connection.create',
  ConnectionFetch: 'connection.connection.fetch',
  ConnectionList: 'connection.connection.list',
  ConnectionUpdate: 'connection.connection.update',

  SecretsHealthCheck: 'secrets.health.check',
  ActionsHealthCheck: 'actions.health.check',
} as const;

export type Subject = (typeof Subjects)[keyof typeof Subjects];

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
  ProductCreated: 'events.catalog.product.created',
  ConnectionCreated: 'events.connection.connection.created',
  ConnectionUpdated: 'events.connection.connection.updated',
} as const;
