import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconRefresh, IconWebhook } from '@tabler/icons-react';
import type { ConnectedApp } from '@switchboard/sdk';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { Paged } from '../../components/paged';
import { QueryContent } from '../../components/query-content';
import { NeedsRole } from '../../components/needs-role';

interface ProductSidebarProps {
  product: string;
  connectedApps: UseQueryResult<ConnectedApp[]>;
  /** Loads the product and its connected apps again (after an app was integrated elsewhere). */
  onRefresh: () => unknown;
  refreshing: boolean;
}

/** The product sidebar of seed 001: Refresh, Connected Apps with its Add button, and the way to its Webhooks. */
export function ProductSidebar({ product, connectedApps, onRefresh, refreshing }: ProductSidebarProps) {
  return (
    <Paper withBorder p="md" component="aside" aria-label="Product sidebar">
      <Stack gap="md">
        <Button variant="default" leftSection={<IconRefresh size={18} aria-hidden />} loading={refreshing} onClick={() => void onRefresh()}>
          Refresh
        </Button>
        <Stack component="section" aria-labelledby="connected-apps-heading" gap="sm">
          <Group justify="space-between" wrap="nowrap">
            <Title order={2} size="h4" id="connected-apps-heading">
              Connected Apps
            </Title>
            <NeedsRole role="developer">
              <Button component={Link} to={paths.connectApp(product)} size="xs" variant="light" leftSection={<IconPlus size={16} aria-hidden />}>
                Add
              </Button>
            </NeedsRole>
          </Group>
          <QueryContent
            query={connectedApps}
            loadingLabel="Loading the connected apps"
            errorTitle="Could not load the connected apps"
            empty="No apps connected yet. Add one to use its actions in this product."
          >
            {(list) => (
              <Paged items={list} noun="connected apps">
                {(page) => (
                  <Stack component="ul" gap="xs" aria-labelledby="connected-apps-heading" p={0} m={0} style={{ listStyle: 'none' }}>
                    {page.map((connection) => (
                      <li key={connection.access_tag}>
                        <Anchor component={Link} to={paths.connection(product, connection.access_tag)} fw={500}>
                          {connection.app_name}
                        </Anchor>
                        <Text size="sm" c="dimmed">
                          <Text span ff="monospace" size="sm">
                            {connection.access_tag}
                          </Text>{' '}
                          · {connection.envs.length === 1 ? '1 environment' : `${connection.envs.length} environments`}
                        </Text>
                      </li>
                    ))}
                  </Stack>
                )}
              </Paged>
            )}
          </QueryContent>
        </Stack>
        <Stack component="section" aria-labelledby="webhooks-heading" gap="sm">
          <Group justify="space-between" wrap="nowrap">
            <Title order={2} size="h4" id="webhooks-heading">
              Webhooks
            </Title>
            <Button component={Link} to={paths.webhooks(product)} size="xs" variant="light" leftSection={<IconWebhook size={16} aria-hidden />}>
              Manage
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            Signed endpoints for Stripe, GitHub and other senders: verified, stored and forwarded to this product.
          </Text>
        </Stack>
      </Stack>
    </Paper>
  );
}
