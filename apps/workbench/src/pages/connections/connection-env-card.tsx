import { Badge, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ConnectedAppEnv } from '@switchboard/sdk';

/** One product env of a connection: where it goes, and its variables and auth data as written (references unresolved). */
export function ConnectionEnvCard({ env, productEnvName }: { env: ConnectedAppEnv; productEnvName: string | undefined }) {
  const headingId = `connection-env-${env.product_env_slug}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id={headingId}>
            {productEnvName ?? env.product_env_slug} → {env.app_env_slug}
          </Title>
          <Badge variant="light" color={env.active ? 'indigo' : 'gray'}>
            {env.active ? 'Active' : 'Inactive'}
          </Badge>
        </Group>
        <Text size="sm">
          Product env <Code>{env.product_env_slug}</Code>, app env <Code>{env.app_env_slug}</Code>
          {env.base_url === null ? ", the app env's base URL" : <>, base URL <Code>{env.base_url}</Code></>}
          {env.request_type === null ? '' : `, ${env.request_type} requests`}
        </Text>
        <Title order={4} size="h6">
          Variables
        </Title>
        {env.variables.length === 0 ? (
          <Text size="sm" c="dimmed">
            None
          </Text>
        ) : (
          <Table aria-label={`Variables of ${env.product_env_slug}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Key</Table.Th>
                <Table.Th>Value</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {env.variables.map((variable) => (
                <Table.Tr key={variable.key}>
                  <Table.Td ff="monospace">{variable.key}</Table.Td>
                  <Table.Td ff="monospace">{variable.value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Title order={4} size="h6">
          Auth
        </Title>
        {env.auth.length === 0 ? (
          <Text size="sm" c="dimmed">
            None
          </Text>
        ) : (
          <Table aria-label={`Auth of ${env.product_env_slug}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Scheme</Table.Th>
                <Table.Th>Field</Table.Th>
                <Table.Th>Value as written</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {env.auth.flatMap((entry) =>
                Object.entries(entry.data).map(([field, value]) => (
                  <Table.Tr key={`${entry.auth_tag}.${field}`}>
                    <Table.Td ff="monospace">{entry.auth_tag}</Table.Td>
                    <Table.Td ff="monospace">{field}</Table.Td>
                    <Table.Td ff="monospace">{String(value)}</Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
