import { Anchor, Badge, Text } from '@mantine/core';
import type { SecretAuditEntry } from '@switchboard/sdk';
import { Link } from 'react-router';
import { DataTable, type Column } from '../../components/data-table';
import { MemberName } from '../../components/member-name';

/** What each audit action is called on screen. */
export const AUDIT_ACTION_LABELS: Record<SecretAuditEntry['action'], string> = {
  create: 'Created',
  update: 'Updated',
  rotate: 'Rotated',
  delete: 'Deleted',
  fetch: 'Value read',
  use: 'Used by a run',
};

const AUDIT_COLUMNS: readonly Column<SecretAuditEntry>[] = [
  { header: 'When', cell: (entry) => new Date(entry.at).toLocaleString() },
  {
    header: 'What',
    cell: (entry) => (
      <Badge variant="light" color={entry.action === 'use' ? 'indigo' : entry.action === 'delete' ? 'red' : 'gray'} tt="none">
        {AUDIT_ACTION_LABELS[entry.action]}
      </Badge>
    ),
  },
  { header: 'Version', cell: (entry) => entry.version ?? '—' },
  { header: 'Who', cell: (entry) => <MemberName userId={entry.user_id} /> },
  {
    header: 'App',
    cell: (entry) =>
      entry.access_tag === null ? (
        (entry.app ?? '—')
      ) : (
        <Text span size="sm" ff="monospace">
          {entry.access_tag}
          {entry.app === null || entry.app === entry.access_tag ? '' : ` (${entry.app})`}
        </Text>
      ),
  },
  { header: 'Env', cell: (entry) => entry.env ?? '—' },
  {
    header: 'Run',
    cell: (entry) =>
      entry.run_id === null ? (
        '—'
      ) : (
        <Anchor component={Link} to={`/runs/${entry.run_id}`} size="sm" ff="monospace">
          {entry.run_id}
        </Anchor>
      ),
  },
];

/** Audit entries, newest first: who changed or read the secret, and which app, env and run used it. */
export function SecretAuditTable({ entries, labelledBy }: { entries: readonly SecretAuditEntry[]; labelledBy: string }) {
  return <DataTable labelledBy={labelledBy} rows={entries} columns={AUDIT_COLUMNS} rowKey={(entry) => entry.id} minWidth={760} />;
}
