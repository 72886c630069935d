import { Badge, Text } from '@mantine/core';
import type { AppEnv } from '@switchboard/sdk';
import { DataTable, TagText, type Column } from '../../components/data-table';

const COLUMNS: readonly Column<AppEnv>[] = [
  { header: 'Slug', cell: (env) => <TagText>{env.slug}</TagText> },
  { header: 'Base URL', cell: (env) => <TagText>{env.base_url}</TagText> },
  { header: 'Request type', cell: (env) => env.request_type },
  {
    header: 'Status',
    cell: (env) => (
      <Badge variant="light" color={env.active ? 'indigo' : 'gray'}>
        {env.active ? 'Active' : 'Inactive'}
      </Badge>
    ),
  },
];

/** The app's environments: where each one's API lives and how requests are encoded. */
export function AppEnvsTable({ envs, labelledBy }: { envs: readonly AppEnv[]; labelledBy: string }) {
  if (envs.length === 0) return <Text c="dimmed">This app has no environments: a connection gives each product env its base URL.</Text>;
  return <DataTable labelledBy={labelledBy} rows={envs} columns={COLUMNS} rowKey={(env) => env.slug} />;
}
