import { Text } from '@mantine/core';
import type { AppTemplateUpdatePreview } from '@switchboard/sdk';
import { DataTable, type Column } from './data-table';

type AppDiff = AppTemplateUpdatePreview['diff'];
type KeyedChanges = AppDiff['actions'];

interface DiffRow {
  part: string;
  changes: KeyedChanges;
}

const DIFF_COLUMNS: readonly Column<DiffRow>[] = [
  { header: 'Part', cell: (row) => row.part },
  { header: 'Added', cell: (row) => keysOf(row.changes.added) },
  { header: 'Changed', cell: (row) => keysOf(row.changes.changed) },
  { header: 'Removed', cell: (row) => keysOf(row.changes.removed) },
];

/** What replacing an app's definition adds, changes and removes (a re-import, a template update), under its heading. */
export function AppDiffView({ diff, labelledBy }: { diff: AppDiff; labelledBy: string }) {
  const rows: DiffRow[] = [
    { part: 'Actions', changes: diff.actions },
    { part: 'Environments', changes: diff.envs },
    { part: 'Auth schemes', changes: diff.auth },
  ];
  return (
    <>
      <DataTable labelledBy={labelledBy} rows={rows} columns={DIFF_COLUMNS} rowKey={(row) => row.part} />
      <Text size="sm">{diff.fields.length === 0 ? 'Name and description stay as they are.' : `Also changes: ${diff.fields.join(', ')}.`}</Text>
    </>
  );
}

function keysOf(keys: string[]): string {
  return keys.length === 0 ? 'none' : keys.join(', ');
}
