import { Badge, Table, Text } from '@mantine/core';
import type { AppEnv } from '@switchboard/sdk';

/** The app's environments: where each one's API lives and how requests are encoded. */
export function AppEnvsTable({ envs }: { envs: readonly AppEnv[] }) {
  if (envs.length === 0) return <Text c="dimmed">This app has no environments: a connection gives each product env its base URL.</Text>;
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table aria-labelledby="app-envs-heading">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Slug</Table.Th>
            <Table.Th>Base URL</Table.Th>
            <Table.Th>Request type</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {envs.map((env) => (
            <Table.Tr key={env.slug}>
              <Table.Td ff="monospace">{env.slug}</Table.Td>
              <Table.Td ff="monospace">{env.base_url}</Table.Td>
              <Table.Td>{env.request_type}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={env.active ? 'indigo' : 'gray'}>
                  {env.active ? 'Active' : 'Inactive'}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
