import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil, IconPlugConnectedX } from '@tabler/icons-react';
import type { App, ConnectedApp, Product } from '@switchboard/sdk';
import { Link, useParams } from 'react-router';
import { useAppQuery } from '../../api/apps';
import { useConnectionQuery } from '../../api/connections';
import { useProductsQuery } from '../../api/products';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageSection } from '../../components/page-section';
import { QueryContent } from '../../components/query-content';
import { ConnectionEnvCard } from './connection-env-card';
import { DisconnectModal } from './disconnect-modal';
import { EditConnectionModal } from './edit-connection-modal';
import { NeedsRole } from '../../components/needs-role';

/** A connected app: its env mapping, variables and auth entries as written, with Edit and Disconnect. */
export function ConnectionPage() {
  const { product = '', tag = '' } = useParams();
  const connection = useConnectionQuery(product, tag);
  const products = useProductsQuery();
  return (
    <QueryContent query={connection} loadingLabel="Loading the connection" errorTitle={`Could not load connection ${tag}`}>
      {(loaded) => <ConnectionDetails connection={loaded} product={products.data?.find((candidate) => candidate.tag === product)} />}
    </QueryContent>
  );
}

function ConnectionDetails({ connection, product }: { connection: ConnectedApp; product: Product | undefined }) {
  // For the base URL each env's runs use without an override; the cards show the rest before it loads.
  const appQuery = useAppQuery(connection.app);
  const app: App | undefined = appQuery.data;
  const [editing, edit] = useDisclosure(false);
  const [disconnecting, disconnect] = useDisclosure(false);
  const productPath = `/products/${encodeURIComponent(connection.product)}`;
  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} ff="monospace">
            {connection.access_tag}
          </Title>
          <Text>
            <Anchor component={Link} to={`/apps/${encodeURIComponent(connection.app)}`}>
              {connection.app_name}
            </Anchor>{' '}
            connected to{' '}
            <Anchor component={Link} to={productPath}>
              {product?.name ?? connection.product}
            </Anchor>
          </Text>
        </Stack>
        <NeedsRole role="developer">
          <Group gap="sm">
            <Button variant="default" leftSection={<IconPencil size={18} aria-hidden />} onClick={edit.open} disabled={product === undefined}>
              Edit
            </Button>
            <Button color="red" variant="light" leftSection={<IconPlugConnectedX size={18} aria-hidden />} onClick={disconnect.open}>
              Disconnect
            </Button>
          </Group>
        </NeedsRole>
      </Group>
      <NeedsRole role="developer" notice="edit or disconnect connections" />
      <PageSection title="Environments" headingId="connection-envs-heading">
        {connection.envs.length === 0 ? <Badge color="gray">No environment connected</Badge> : null}
        {appQuery.isError ? <ApiErrorAlert title={`Could not load app ${connection.app}, whose base URLs apply`} error={appQuery.error} onRetry={appQuery.refetch} /> : null}
        {connection.envs.map((env) => (
          <ConnectionEnvCard
            key={env.product_env_slug}
            env={env}
            productEnvName={product?.envs.find((candidate) => candidate.slug === env.product_env_slug)?.name}
            appEnv={app === undefined ? undefined : (app.envs.find((candidate) => candidate.slug === env.app_env_slug) ?? null)}
          />
        ))}
      </PageSection>
      {editing && product !== undefined ? <EditConnectionModal connection={connection} product={product} onClose={edit.close} /> : null}
      {disconnecting ? <DisconnectModal connection={connection} productName={product?.name ?? connection.product} onClose={disconnect.close} /> : null}
    </Stack>
  );
}
