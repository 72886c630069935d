import { Text } from '@mantine/core';
import { DataTable, TagText, type Column } from './data-table';
import { Paged } from './paged';

/** What the table shows of an action: an app's, a template's or an import preview's actions all have these. */
export interface ActionSummaryRow {
  tag: string;
  method: string;
  path: string;
  summary?: string;
}

const COLUMNS: readonly Column<ActionSummaryRow>[] = [
  { header: 'Action', cell: (action) => <TagText>{action.tag}</TagText> },
  {
    header: 'Request',
    cell: (action) => (
      <Text span ff="monospace" size="sm">
        {action.method} {action.path}
      </Text>
    ),
  },
  { header: 'Summary', cell: (action) => action.summary ?? '' },
];

/** Actions a page at a time: tag, method and path, summary. `labelledBy` is the id of the heading that names the table. */
export function ActionSummaryTable({ actions, labelledBy }: { actions: readonly ActionSummaryRow[]; labelledBy: string }) {
  return <Paged items={actions} noun="actions">{(page) => <DataTable labelledBy={labelledBy} rows={page} columns={COLUMNS} rowKey={(action) => action.tag} />}</Paged>;
}
