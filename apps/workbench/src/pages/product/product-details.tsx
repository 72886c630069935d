import { Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import type { Product } from '@switchboard/sdk';
import { Link } from 'react-router';
import { paths } from '../../app/paths';

/** What the product is, its environments, and the Quick Actions that start from it. */
export function ProductDetails({ product }: { product: Product }) {
  return (
    <Stack gap="lg">
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
        <Table.ScrollContainer minWidth={360}>
          <Table striped aria-labelledby="product-envs-heading">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Slug</Table.Th>
                <Table.Th>State</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {product.envs.map((env) => (
                <Table.Tr key={env.slug}>
                  <Table.Td>{env.name}</Table.Td>
                  <Table.Td>
                    <Text span ff="monospace" size="sm">
                      {env.slug}
                    </Text>
                  </Table.Td>
                  <Table.Td>{env.active ? 'Active' : 'Inactive'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Stack>
  );
}
