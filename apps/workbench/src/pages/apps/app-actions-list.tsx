import { Accordion, Badge, Group, Stack, Text, TextInput } from '@mantine/core';
import type { AppActionSummary } from '@switchboard/sdk';
import { useState } from 'react';
import { Paged } from '../../components/paged';
import { ActionDetails } from './action-details';

/** The app's actions, a page at a time; opening one fetches its schemas. */
export function AppActionsList({ app, actions }: { app: string; actions: readonly AppActionSummary[] }) {
  const [filter, setFilter] = useState('');
  const [opened, setOpened] = useState<string[]>([]);
  if (actions.length === 0) return <Text c="dimmed">This app has no actions yet.</Text>;
  const needle = filter.trim().toLowerCase();
  const shown = needle === '' ? actions : actions.filter((action) => [action.tag, action.path, action.summary, action.method].some((text) => text.toLowerCase().includes(needle)));
  return (
    <Stack gap="sm">
      <TextInput label="Filter actions" description="By tag, method, path or summary" value={filter} onChange={(event) => setFilter(event.currentTarget.value)} maw={420} />
      {shown.length === 0 ? <Text c="dimmed">No action matches “{filter}”.</Text> : null}
      <Paged items={shown} noun="actions">
        {(page) => (
          <Accordion multiple variant="separated" value={opened} onChange={setOpened}>
            {page.map((action) => (
              <Accordion.Item key={action.tag} value={action.tag}>
                <Accordion.Control>
                  <Group gap="sm" wrap="wrap">
                    <Badge variant="light" w={72}>
                      {action.method}
                    </Badge>
                    <Text ff="monospace" size="sm">
                      {action.path}
                    </Text>
                    <Text size="sm" fw={600}>
                      {action.tag}
                    </Text>
                    {action.summary === '' ? null : (
                      <Text size="sm" c="dimmed">
                        {action.summary}
                      </Text>
                    )}
                    {action.request_type === null ? null : (
                      <Badge variant="outline" color="gray">
                        {action.request_type}
                      </Badge>
                    )}
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>{opened.includes(action.tag) ? <ActionDetails app={app} action={action.tag} /> : null}</Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
      </Paged>
    </Stack>
  );
}
