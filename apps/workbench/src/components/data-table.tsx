import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One column of a DataTable: its header and what a row shows in it. */
export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
}

interface DataTableProps<Row> {
  /** Id of the heading that names the table (its accessible name). */
  labelledBy: string;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowKey: (row: Row) => string;
  /** Below this width (px) the table scrolls sideways; 520 by default. */
  minWidth?: number;
}

/** A list as a table, scrolling sideways on narrow screens rather than squeezing its columns. */
export function DataTable<Row>({ labelledBy, rows, columns, rowKey, minWidth = 520 }: DataTableProps<Row>) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover aria-labelledby={labelledBy}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.header}>{column.header}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((column) => (
                <Table.Td key={column.header}>{column.cell(row)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A tag (app, product, access tag) as it is typed in API calls. */
export function TagText({ children }: { children: string }) {
  return (
    <Text ff="monospace" size="sm">
      {children}
    </Text>
  );
}
