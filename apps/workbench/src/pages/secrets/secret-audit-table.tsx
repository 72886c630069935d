import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { SecretAuditEntry } from '@switchboard/sdk';
import { Link } from 'react-router';

/** What each audit action is called on screen. */
export const AUDIT_ACTION_LABELS: Record<SecretAuditEntry['action'], string> = {
  create: 'Created',
  update: 'Updated',
  rotate: 'Rotated',
  delete: 'Deleted',
  fetch: 'Value read',
  use: 'Used by a run',
};

/** Audit entries, newest first: who changed or read the secret, and which app, env and run used it. */
export function SecretAuditTable({ entries }: { entries: readonly SecretAuditEntry[] }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped aria-label="Audit log" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>What</Table.Th>
            <Table.Th>Version</Table.Th>
            <Table.Th>Who</Table.Th>
            <Table.Th>App</Table.Th>
            <Table.Th>Env</Table.Th>
            <Table.Th>Run</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>{new Date(entry.at).toLocaleString()}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={entry.action === 'use' ? 'indigo' : entry.action === 'delete' ? 'red' : 'gray'} tt="none">
                  {AUDIT_ACTION_LABELS[entry.action]}
                </Badge>
              </Table.Td>
              <Table.Td>{entry.version ?? '—'}</Table.Td>
              <Table.Td>{entry.user_id ?? '—'}</Table.Td>
              <Table.Td>
                {entry.access_tag === null ? (
                  (entry.app ?? '—')
                ) : (
                  <Text span size="sm" ff="monospace">
                    {entry.access_tag}
                    {entry.app === null || entry.app === entry.access_tag ? '' : ` (${entry.app})`}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{entry.env ?? '—'}</Table.Td>
              <Table.Td>
                {entry.run_id === null ? (
                  '—'
                ) : (
                  <Anchor component={Link} to={`/runs/${entry.run_id}`} size="sm" ff="monospace">
                    {entry.run_id}
                  </Anchor>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
