/** Addresses of the workbench's pages, with their tags encoded: links and navigations build them here, never by hand. */
export const paths = {
  product: (tag: string) => `/products/${encodeURIComponent(tag)}`,
  connectApp: (product: string) => `${paths.product(product)}/connect`,
  connection: (product: string, accessTag: string) => `${paths.product(product)}/connections/${encodeURIComponent(accessTag)}`,
  webhooks: (product: string) => `${paths.product(product)}/webhooks`,
  webhook: (product: string, tag: string) => `${paths.webhooks(product)}/${encodeURIComponent(tag)}`,
  webhookEvent: (product: string, tag: string, eventId: string) => `${paths.webhook(product, tag)}/events/${encodeURIComponent(eventId)}`,
  app: (tag: string) => `/apps/${encodeURIComponent(tag)}`,
  marketplace: '/marketplace',
  template: (tag: string) => `/marketplace/${encodeURIComponent(tag)}`,
  secrets: '/settings/secrets',
  members: '/settings/members',
  /** The signed-in member's own API keys. */
  ownApiKeys: '/settings/api-keys',
  /** Another member's API keys, which an admin manages. */
  memberApiKeys: (userId: string) => `/settings/members/${encodeURIComponent(userId)}/keys`,
  auditLog: '/settings/audit-log',
};
