import { Table, Text } from '@mantine/core';
import { Paged } from './paged';

/** What the table shows of an action: an app's, a template's or an import preview's actions all have these. */
export interface ActionSummaryRow {
  tag: string;
  method: string;
  path: string;
  summary?: string;
}

/** Actions a page at a time: tag, method and path, summary. `labelledBy` is the id of the heading that names the table. */
export function ActionSummaryTable({ actions, labelledBy }: { actions: readonly ActionSummaryRow[]; labelledBy: string }) {
  return (
    <Paged items={actions} noun="actions">
      {(page) => (
        <Table.ScrollContainer minWidth={480}>
          <Table striped aria-labelledby={labelledBy}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Action</Table.Th>
                <Table.Th>Request</Table.Th>
                <Table.Th>Summary</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.map((action) => (
                <Table.Tr key={action.tag}>
                  <Table.Td>
                    <Text span ff="monospace" size="sm">
                      {action.tag}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text span ff="monospace" size="sm">
                      {action.method} {action.path}
                    </Text>
                  </Table.Td>
                  <Table.Td>{action.summary ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paged>
  );
}
