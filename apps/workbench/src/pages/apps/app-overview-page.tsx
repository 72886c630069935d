import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlugConnected } from '@tabler/icons-react';
import type { App } from '@switchboard/sdk';
import { useParams } from 'react-router';
import { useAppQuery } from '../../api/apps';
import { QueryContent } from '../../components/query-content';
import { AppActionsList } from './app-actions-list';
import { AppAuthTable } from './app-auth-table';
import { AppEnvsTable } from './app-envs-table';
import { IntegrateModal } from './integrate/integrate-modal';

/** Step 4 of seed 001: the app's envs, actions and auth schemes, and Integrate to connect it to a product. */
export function AppOverviewPage() {
  const { app = '' } = useParams();
  const query = useAppQuery(app);
  return (
    <QueryContent query={query} loadingLabel="Loading the app" errorTitle={`Could not load app ${app}`}>
      {(loaded) => <AppOverview app={loaded} />}
    </QueryContent>
  );
}

function AppOverview({ app }: { app: App }) {
  const [integrating, integrate] = useDisclosure(false);
  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{app.name}</Title>
          <Group gap="xs">
            <Text ff="monospace" size="sm" c="dimmed">
              {app.tag}
            </Text>
            {app.template === null ? (
              <Badge variant="light" color="gray">
                Workspace app
              </Badge>
            ) : (
              <Badge variant="light">
                From marketplace template {app.template.tag} v{app.template.version}
              </Badge>
            )}
          </Group>
          {app.description === '' ? null : <Text maw={720}>{app.description}</Text>}
        </Stack>
        <Button leftSection={<IconPlugConnected size={18} aria-hidden />} onClick={integrate.open}>
          Integrate
        </Button>
      </Group>
      <Stack component="section" aria-labelledby="app-envs-heading" gap="sm">
        <Title order={2} id="app-envs-heading">
          Environments
        </Title>
        <AppEnvsTable envs={app.envs} />
      </Stack>
      <Stack component="section" aria-labelledby="app-actions-heading" gap="sm">
        <Title order={2} id="app-actions-heading">
          Actions
        </Title>
        <AppActionsList app={app.tag} actions={app.actions} />
      </Stack>
      <Stack component="section" aria-labelledby="app-auth-heading" gap="sm">
        <Title order={2} id="app-auth-heading">
          Auth schemes
        </Title>
        <AppAuthTable schemes={app.auth} />
      </Stack>
      {integrating ? <IntegrateModal app={app} onClose={integrate.close} /> : null}
    </Stack>
  );
}
