import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlugConnected } from '@tabler/icons-react';
import type { App } from '@switchboard/sdk';
import { useParams } from 'react-router';
import { useAppQuery } from '../../api/apps';
import { PageSection } from '../../components/page-section';
import { QueryContent } from '../../components/query-content';
import { AppActionsList } from './app-actions-list';
import { AppAuthTable } from './app-auth-table';
import { AppEnvsTable } from './app-envs-table';
import { IntegrateModal } from './integrate/integrate-modal';
import { TemplateUpdate } from './template-update';
import { NeedsRole } from '../../components/needs-role';

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
        <NeedsRole role="developer">
          <Button leftSection={<IconPlugConnected size={18} aria-hidden />} onClick={integrate.open}>
            Integrate
          </Button>
        </NeedsRole>
      </Group>
      <NeedsRole role="developer" notice="integrate apps into products or update them from their template" />
      <NeedsRole role="developer">
        <TemplateUpdate app={app} />
      </NeedsRole>
      <PageSection title="Environments" headingId="app-envs-heading">
        <AppEnvsTable envs={app.envs} labelledBy="app-envs-heading" />
      </PageSection>
      <PageSection title="Actions" headingId="app-actions-heading">
        <AppActionsList app={app.tag} actions={app.actions} />
      </PageSection>
      <PageSection title="Auth schemes" headingId="app-auth-heading">
        <AppAuthTable schemes={app.auth} labelledBy="app-auth-heading" />
      </PageSection>
      {integrating ? <IntegrateModal app={app} onClose={integrate.close} /> : null}
    </Stack>
  );
}
