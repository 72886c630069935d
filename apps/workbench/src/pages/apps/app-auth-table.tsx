import { Text } from '@mantine/core';
import type { AppAuthSchemeView } from '@switchboard/sdk';
import { DataTable, TagText, type Column } from '../../components/data-table';

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

const COLUMNS: readonly Column<AppAuthSchemeView>[] = [
  { header: 'Tag', cell: (scheme) => <TagText>{scheme.tag}</TagText> },
  { header: 'Type', cell: (scheme) => scheme.type },
  { header: 'Sent as', cell: placementOf },
];

/** The app's auth schemes: what a connection supplies for each and where it goes. */
export function AppAuthTable({ schemes, labelledBy }: { schemes: readonly AppAuthSchemeView[]; labelledBy: string }) {
  if (schemes.length === 0) return <Text c="dimmed">This app declares no auth scheme.</Text>;
  return <DataTable labelledBy={labelledBy} rows={schemes} columns={COLUMNS} rowKey={(scheme) => scheme.tag} />;
}
