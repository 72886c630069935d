import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import type { Product } from '@switchboard/sdk';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { DataTable, TagText, type Column } from '../../components/data-table';
import { NeedsRole } from '../../components/needs-role';

const ENV_COLUMNS: readonly Column<Product['envs'][number]>[] = [
  { header: 'Name', cell: (env) => env.name },
  { header: 'Slug', cell: (env) => <TagText>{env.slug}</TagText> },
  { header: 'State', cell: (env) => (env.active ? 'Active' : 'Inactive') },
];

/** What the product is, its environments, and the Quick Actions that start from it. */
export function ProductDetails({ product }: { product: Product }) {
  return (
    <Stack gap="lg">
      <NeedsRole role="developer" notice="connect apps to this product">
        <Paper withBorder p="md" component="section" aria-labelledby="quick-actions-heading">
          <Stack gap="sm">
            <Title order={2} size="h3" id="quick-actions-heading">
              Quick Actions
            </Title>
            <Text size="sm" c="dimmed">
              Connect an app so its actions become available inside this product.
            </Text>
            <div>
              <Button component={Link} to={paths.connectApp(product.tag)} leftSection={<IconPlugConnected size={18} aria-hidden />}>
                Connect App
              </Button>
            </div>
          </Stack>
        </Paper>
      </NeedsRole>
      <Stack component="section" aria-labelledby="product-details-heading" gap="sm">
        <Title order={2} size="h3" id="product-details-heading">
          Details
        </Title>
        <Text>
          Tag <Text span ff="monospace">{product.tag}</Text>
        </Text>
        {product.description === '' ? null : <Text>{product.description}</Text>}
        <Text size="sm" c="dimmed">
          Created {new Date(product.created_at).toLocaleString()}
        </Text>
      </Stack>
      <Stack component="section" aria-labelledby="product-envs-heading" gap="sm">
        <Title order={2} size="h3" id="product-envs-heading">
          Environments
        </Title>
        <DataTable labelledBy="product-envs-heading" rows={product.envs} columns={ENV_COLUMNS} rowKey={(env) => env.slug} />
      </Stack>
    </Stack>
  );
}
