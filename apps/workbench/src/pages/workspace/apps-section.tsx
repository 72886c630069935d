import { Stack, Table, Text, Title } from '@mantine/core';
import { useAppsQuery } from '../../api/apps';
import { EnvBadges } from '../../components/env-badges';
import { Paged } from '../../components/paged';
import { QueryContent } from '../../components/query-content';

/** The workspace's apps: registered, imported or installed from the marketplace. */
export function AppsSection() {
  const apps = useAppsQuery();
  return (
    <Stack component="section" aria-labelledby="apps-heading" gap="md">
      <Title order={2} id="apps-heading">
        Apps
      </Title>
      <QueryContent query={apps} loadingLabel="Loading apps" errorTitle="Could not load the apps" empty="No apps in this workspace yet.">
        {(list) => (
          <Paged items={list} noun="apps">
            {(page) => (
              <Table.ScrollContainer minWidth={520}>
                <Table striped highlightOnHover aria-labelledby="apps-heading">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Tag</Table.Th>
                      <Table.Th>Name</Table.Th>
                      <Table.Th>Environments</Table.Th>
                      <Table.Th>Actions</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {page.map((app) => (
                      <Table.Tr key={app.tag}>
                        <Table.Td>
                          <Text ff="monospace" size="sm">
                            {app.tag}
                          </Text>
                        </Table.Td>
                        <Table.Td>{app.name}</Table.Td>
                        <Table.Td>
                          <EnvBadges envs={app.envs} />
                        </Table.Td>
                        <Table.Td>{app.action_count}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paged>
        )}
      </QueryContent>
    </Stack>
  );
}
