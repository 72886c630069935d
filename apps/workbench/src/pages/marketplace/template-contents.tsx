import { Stack, Text, Title } from '@mantine/core';
import type { MarketplaceTemplateView } from '@switchboard/sdk';
import { ActionSummaryTable } from '../../components/action-summary-table';
import { DataTable, TagText, type Column } from '../../components/data-table';

type TemplateApp = MarketplaceTemplateView['app'];
type EnvRow = NonNullable<TemplateApp['envs']>[number];
type AuthRow = NonNullable<TemplateApp['auth']>[number];

const ENV_COLUMNS: readonly Column<EnvRow>[] = [
  { header: 'Slug', cell: (env) => <TagText>{env.slug}</TagText> },
  { header: 'Base URL', cell: (env) => env.base_url },
  { header: 'Request type', cell: (env) => env.request_type },
];
const AUTH_COLUMNS: readonly Column<AuthRow>[] = [
  { header: 'Tag', cell: (scheme) => <TagText>{scheme.tag}</TagText> },
  { header: 'Type', cell: (scheme) => scheme.type },
  { header: 'Credentials', cell: credentialsOf },
];

/** What an install brings: the app's environments, auth schemes and actions with their summaries. */
export function TemplateContents({ app }: { app: TemplateApp }) {
  const envs = app.envs ?? [];
  const auth = app.auth ?? [];
  const actions = app.actions ?? [];
  return (
    <Stack gap="lg">
      <Stack gap="xs" component="section" aria-labelledby="template-envs-heading">
        <Title order={2} size="h3" id="template-envs-heading">
          Environments
        </Title>
        {envs.length === 0 ? <Text c="dimmed">None: add one to the app once it is installed.</Text> : <DataTable labelledBy="template-envs-heading" rows={envs} columns={ENV_COLUMNS} rowKey={(env) => env.slug} />}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="template-auth-heading">
        <Title order={2} size="h3" id="template-auth-heading">
          Auth schemes
        </Title>
        {auth.length === 0 ? <Text c="dimmed">None: the API takes no credentials.</Text> : <DataTable labelledBy="template-auth-heading" rows={auth} columns={AUTH_COLUMNS} rowKey={(scheme) => scheme.tag} />}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="template-actions-heading">
        <Title order={2} size="h3" id="template-actions-heading">
          Actions ({actions.length})
        </Title>
        <ActionSummaryTable actions={actions} labelledBy="template-actions-heading" />
      </Stack>
    </Stack>
  );
}

// Where a scheme's credentials go, with the API's defaults (header X-API-Key, query api_key) spelled out.
function credentialsOf(scheme: AuthRow): string {
  switch (scheme.type) {
    case 'api_key':
      return scheme.in === 'query' ? `query parameter ${scheme.name ?? 'api_key'}` : `header ${scheme.name ?? 'X-API-Key'}`;
    case 'bearer':
      return 'Authorization: Bearer token';
    case 'basic':
      return 'Authorization: Basic username and password';
    default:
      return `access token from ${scheme.token_url ?? 'the token endpoint'}`;
  }
}
