import { Button, Group, Modal, NavLink, Stack, Text } from '@mantine/core';
import { IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAppsQuery } from '../../api/apps';
import { paths } from '../../app/paths';
import { Paged } from '../../components/paged';
import { QueryContent } from '../../components/query-content';
import { CreateAppForm } from './create-app-form';

/** "Add Workspace App": the workspace's apps to choose from, or a form for a new one; either leads to the App Overview. */
export function WorkspaceAppModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const close = () => {
    setCreating(false);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={creating ? 'Create a new app' : 'Add Workspace App'} size="lg">
      {creating ? (
        <CreateAppForm onCreated={(app) => void navigate(paths.app(app.tag))} onCancel={() => setCreating(false)} />
      ) : (
        <WorkspaceAppList onCreate={() => setCreating(true)} />
      )}
    </Modal>
  );
}

function WorkspaceAppList({ onCreate }: { onCreate: () => void }) {
  const apps = useAppsQuery();
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed">
          Choose one of your workspace&apos;s apps.
        </Text>
        <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={onCreate}>
          Create a new app
        </Button>
      </Group>
      <QueryContent query={apps} loadingLabel="Loading apps" errorTitle="Could not load the apps" empty="No apps in this workspace yet: create one.">
        {(list) => (
          <Paged items={list} noun="apps">
            {(page) => (
              <Stack component="ul" gap={4} p={0} m={0} aria-label="Workspace apps" style={{ listStyle: 'none' }}>
                {page.map((app) => (
                  <li key={app.tag}>
                    <NavLink
                      component={Link}
                      to={paths.app(app.tag)}
                      label={app.name}
                      description={`${app.tag} · ${app.action_count === 1 ? '1 action' : `${app.action_count} actions`}`}
                      rightSection={<IconChevronRight size={16} aria-hidden />}
                    />
                  </li>
                ))}
              </Stack>
            )}
          </Paged>
        )}
      </QueryContent>
    </Stack>
  );
}
