import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import type { Secret } from '@switchboard/sdk';
import { Link } from 'react-router';
import { Paged } from '../../components/paged';
import { CopyReferenceButton } from './copy-reference-button';
import { LastUsed } from './last-used';
import { Expiry, UsageList } from './secret-usage-rules';

interface SecretsTableProps {
  secrets: readonly Secret[];
  onRotate: (key: string) => void;
  onDelete: (key: string) => void;
}

/** The secrets' metadata, a page at a time: each name with its copy icon, its details link, rotate and delete. */
export function SecretsTable({ secrets, onRotate, onDelete }: SecretsTableProps) {
  return (
    <Paged items={secrets} noun="secrets">
      {(page) => (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-label="Secrets" verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Key</Table.Th>
                <Table.Th>Scope</Table.Th>
                <Table.Th>Environments</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Version</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>Manage</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.map((secret) => (
                <Table.Tr key={secret.key}>
                  <Table.Td>
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
                  </Table.Td>
                  <Table.Td>
                    <UsageList entries={secret.scope} everyone="Every app" />
                  </Table.Td>
                  <Table.Td>
                    <UsageList entries={secret.envs} everyone="Every env" />
                  </Table.Td>
                  <Table.Td>
                    <Expiry expiresAt={secret.expires_at} />
                  </Table.Td>
                  <Table.Td>{secret.version}</Table.Td>
                  <Table.Td>
                    <LastUsed at={secret.last_used_at} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="light" onClick={() => onRotate(secret.key)} aria-label={`Rotate ${secret.key}`}>
                        Rotate
                      </Button>
                      <Button size="xs" variant="light" color="red" onClick={() => onDelete(secret.key)} aria-label={`Delete ${secret.key}`}>
                        Delete
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paged>
  );
}
