import { Stack, Table, Text, Title } from '@mantine/core';
import type { MarketplaceTemplateView } from '@switchboard/sdk';
import { ActionSummaryTable } from '../../components/action-summary-table';

type TemplateApp = MarketplaceTemplateView['app'];

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
        {envs.length === 0 ? (
          <Text c="dimmed">None: add one to the app once it is installed.</Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table striped aria-labelledby="template-envs-heading">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Slug</Table.Th>
                  <Table.Th>Base URL</Table.Th>
                  <Table.Th>Request type</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {envs.map((env) => (
                  <Table.Tr key={env.slug}>
                    <Table.Td ff="monospace">{env.slug}</Table.Td>
                    <Table.Td>{env.base_url}</Table.Td>
                    <Table.Td>{env.request_type}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="template-auth-heading">
        <Title order={2} size="h3" id="template-auth-heading">
          Auth schemes
        </Title>
        {auth.length === 0 ? (
          <Text c="dimmed">None: the API takes no credentials.</Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table striped aria-labelledby="template-auth-heading">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Tag</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Credentials</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {auth.map((scheme) => (
                  <Table.Tr key={scheme.tag}>
                    <Table.Td ff="monospace">{scheme.tag}</Table.Td>
                    <Table.Td>{scheme.type}</Table.Td>
                    <Table.Td>{credentialsOf(scheme)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
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
function credentialsOf(scheme: NonNullable<TemplateApp['auth']>[number]): string {
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
