import { Table, Text } from '@mantine/core';
import type { AppAuthSchemeView } from '@switchboard/sdk';

/** Where one scheme's credential goes on a request. */
function placementOf(scheme: AppAuthSchemeView): string {
  switch (scheme.type) {
    case 'api_key':
      return `${scheme.in === 'query' ? 'query parameter' : 'header'} ${scheme.name ?? 'X-API-Key'}`;
    case 'bearer':
      return 'Authorization: Bearer';
    case 'basic':
      return 'Authorization: Basic';
    case 'oauth2_client_credentials':
    case 'oauth2_refresh_token':
      return `Bearer token from ${scheme.token_url ?? 'the token endpoint'}${scheme.scopes.length > 0 ? ` (scopes ${scheme.scopes.join(' ')})` : ''}`;
  }
}

/** The app's auth schemes: what a connection supplies for each and where it goes. */
export function AppAuthTable({ schemes }: { schemes: readonly AppAuthSchemeView[] }) {
  if (schemes.length === 0) return <Text c="dimmed">This app declares no auth scheme.</Text>;
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table aria-labelledby="app-auth-heading">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Tag</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Sent as</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {schemes.map((scheme) => (
            <Table.Tr key={scheme.tag}>
              <Table.Td ff="monospace">{scheme.tag}</Table.Td>
              <Table.Td>{scheme.type}</Table.Td>
              <Table.Td>{placementOf(scheme)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
