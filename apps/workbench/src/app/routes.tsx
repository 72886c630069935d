import { createBrowserRouter, type RouteObject } from 'react-router';
import { PageLoading } from '../components/page-loading';
import { NotFoundPage } from './not-found-page';
import { SignedInLayout } from './signed-in-layout';

// Shown while the first page's chunk loads, before any route has rendered.
function FirstPageLoading() {
  return <PageLoading label="Loading Switchboard" />;
}

// Each page is its own chunk, loaded when its route is first visited: the first load carries only the shell.
export const routes: RouteObject[] = [
  { path: '/sign-in', HydrateFallback: FirstPageLoading, lazy: async () => ({ Component: (await import('../pages/sign-in/sign-in-page')).SignInPage }) },
  {
    Component: SignedInLayout,
    HydrateFallback: FirstPageLoading,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../pages/workspace/workspace-page')).WorkspacePage }) },
      { path: 'apps/:app', lazy: async () => ({ Component: (await import('../pages/apps/app-overview-page')).AppOverviewPage }) },
      { path: 'products/:product/connections/:tag', lazy: async () => ({ Component: (await import('../pages/connections/connection-page')).ConnectionPage }) },
      { path: 'products/:product', lazy: async () => ({ Component: (await import('../pages/product/product-page')).ProductPage }) },
      { path: 'products/:product/webhooks', lazy: async () => ({ Component: (await import('../pages/webhooks/webhooks-page')).WebhooksPage }) },
      { path: 'products/:product/webhooks/:webhook', lazy: async () => ({ Component: (await import('../pages/webhooks/webhook-page')).WebhookPage }) },
      {
        path: 'products/:product/webhooks/:webhook/events/:event',
        lazy: async () => ({ Component: (await import('../pages/webhooks/webhook-event-page')).WebhookEventPage }),
      },
      { path: 'products/:product/connect', lazy: async () => ({ Component: (await import('../pages/connect-app/connect-app-page')).ConnectAppPage }) },
      { path: 'marketplace', lazy: async () => ({ Component: (await import('../pages/marketplace/marketplace-page')).MarketplacePage }) },
      { path: 'marketplace/:template', lazy: async () => ({ Component: (await import('../pages/marketplace/template-page')).TemplatePage }) },
      { path: 'settings/secrets', lazy: async () => ({ Component: (await import('../pages/secrets/secrets-page')).SecretsPage }) },
      { path: 'settings/secrets/:key', lazy: async () => ({ Component: (await import('../pages/secrets/secret-detail-page')).SecretDetailPage }) },
      { path: 'settings/members', lazy: async () => ({ Component: (await import('../pages/members/members-page')).MembersPage }) },
      { path: 'settings/members/:member/keys', lazy: async () => ({ Component: (await import('../pages/api-keys/api-keys-page')).ApiKeysPage }) },
      { path: 'settings/api-keys', lazy: async () => ({ Component: (await import('../pages/api-keys/api-keys-page')).ApiKeysPage }) },
      { path: 'settings/audit-log', lazy: async () => ({ Component: (await import('../pages/audit/audit-log-page')).AuditLogPage }) },
      { path: 'runner', lazy: async () => ({ Component: (await import('../pages/runner/runner-page')).RunnerPage }) },
      { path: 'runs', lazy: async () => ({ Component: (await import('../pages/runs/runs-page')).RunsPage }) },
      { path: 'runs/:run', lazy: async () => ({ Component: (await import('../pages/runs/run-detail-page')).RunDetailPage }) },
      { path: '*', Component: NotFoundPage },
    ],
  },
];

export const router = createBrowserRouter(routes);
