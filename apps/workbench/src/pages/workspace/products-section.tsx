import { Stack, Table, Text, Title } from '@mantine/core';
import { useProductsQuery } from '../../api/products';
import { EnvBadges } from '../../components/env-badges';
import { Paged } from '../../components/paged';
import { QueryContent } from '../../components/query-content';
import { CreateProductForm } from './create-product-form';

/** The products list with its create form. */
export function ProductsSection() {
  const products = useProductsQuery();
  return (
    <Stack component="section" aria-labelledby="products-heading" gap="md">
      <Title order={2} id="products-heading">
        Products
      </Title>
      <CreateProductForm existingTags={products.data?.map((product) => product.tag) ?? []} />
      <QueryContent
        query={products}
        loadingLabel="Loading products"
        errorTitle="Could not load the products"
        empty="No products yet. Create the first one above: a product is what your team builds on connected apps."
      >
        {(list) => (
          <Paged items={list} noun="products">
            {(page) => (
              <Table.ScrollContainer minWidth={520}>
                <Table striped highlightOnHover aria-labelledby="products-heading">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Tag</Table.Th>
                      <Table.Th>Name</Table.Th>
                      <Table.Th>Environments</Table.Th>
                      <Table.Th>Created</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {page.map((product) => (
                      <Table.Tr key={product.tag}>
                        <Table.Td>
                          <Text ff="monospace" size="sm">
                            {product.tag}
                          </Text>
                        </Table.Td>
                        <Table.Td>{product.name}</Table.Td>
                        <Table.Td>
                          <EnvBadges envs={product.envs} />
                        </Table.Td>
                        <Table.Td>{new Date(product.created_at).toLocaleString()}</Table.Td>
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
