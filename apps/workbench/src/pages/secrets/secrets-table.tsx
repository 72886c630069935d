import { Anchor, Button, Group, Text } from '@mantine/core';
import type { Secret } from '@switchboard/sdk';
import { Link } from 'react-router';
import { DataTable, type Column } from '../../components/data-table';
import { Paged } from '../../components/paged';
import { CopyReferenceButton } from './copy-reference-button';
import { LastUsed } from './last-used';
import { Expiry, UsageList } from './secret-usage-rules';

interface SecretsTableProps {
  secrets: readonly Secret[];
  /** Id of the heading that names the table. */
  labelledBy: string;
  /** Rotate and delete, for an admin; without it the table has no Manage column. */
  manage?: { onRotate: (key: string) => void; onDelete: (key: string) => void };
}

const METADATA_COLUMNS: readonly Column<Secret>[] = [
  {
    header: 'Key',
    cell: (secret) => (
      <>
        <Group gap={4} wrap="nowrap">
          <Anchor component={Link} to={`/settings/secrets/${secret.key}`} ff="monospace" size="sm">
            {secret.key}
          </Anchor>
          <CopyReferenceButton secretKey={secret.key} />
        </Group>
        {secret.description === '' ? null : (
          <Text size="xs" c="dimmed" lineClamp={2}>
            {secret.description}
          </Text>
        )}
      </>
    ),
  },
  { header: 'Scope', cell: (secret) => <UsageList entries={secret.scope} everyone="Every app" /> },
  { header: 'Environments', cell: (secret) => <UsageList entries={secret.envs} everyone="Every env" /> },
  { header: 'Expires', cell: (secret) => <Expiry expiresAt={secret.expires_at} /> },
  { header: 'Version', cell: (secret) => secret.version },
  { header: 'Last used', cell: (secret) => <LastUsed at={secret.last_used_at} /> },
];

/** The secrets' metadata, a page at a time: each name with its copy icon, its details link, and for an admin rotate and delete. */
export function SecretsTable({ secrets, labelledBy, manage }: SecretsTableProps) {
  const columns: readonly Column<Secret>[] = manage === undefined ? METADATA_COLUMNS : [...METADATA_COLUMNS, manageColumn(manage)];
  return (
    <Paged items={secrets} noun="secrets">
      {(page) => <DataTable labelledBy={labelledBy} rows={page} columns={columns} rowKey={(secret) => secret.key} minWidth={900} />}
    </Paged>
  );
}

function manageColumn({ onRotate, onDelete }: NonNullable<SecretsTableProps['manage']>): Column<Secret> {
  return {
    header: 'Manage',
    cell: (secret) => (
      <Group gap="xs" wrap="nowrap">
        <Button size="xs" variant="light" onClick={() => onRotate(secret.key)} aria-label={`Rotate ${secret.key}`}>
          Rotate
        </Button>
        <Button size="xs" variant="light" color="red" onClick={() => onDelete(secret.key)} aria-label={`Delete ${secret.key}`}>
          Delete
        </Button>
      </Group>
    ),
  };
}
