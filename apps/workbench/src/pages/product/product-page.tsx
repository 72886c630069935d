import { Anchor, Breadcrumbs, Grid, Stack, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useConnectionsQuery } from '../../api/connections';
import { useProductQuery } from '../../api/products';
import { QueryContent } from '../../components/query-content';
import { usePageTitle } from '../../components/use-page-title';
import { ProductDetails } from './product-details';
import { ProductSidebar } from './product-sidebar';

/** Step 1 of seed 001, the Product Overview: the product, Quick Actions → Connect App, and the product sidebar. */
export function ProductPage() {
  const { product: tag = '' } = useParams();
  const product = useProductQuery(tag);
  const connectedApps = useConnectionsQuery(tag);
  usePageTitle(product.data?.name ?? tag);
  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/">
          Workspace
        </Anchor>
        <span>{tag}</span>
      </Breadcrumbs>
      <Title order={1}>{product.data?.name ?? tag}</Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <QueryContent query={product} loadingLabel="Loading the product" errorTitle="Could not load the product">
            {(loaded) => <ProductDetails product={loaded} />}
          </QueryContent>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <ProductSidebar product={tag} connectedApps={connectedApps} onRefresh={() => Promise.all([product.refetch(), connectedApps.refetch()])} refreshing={product.isFetching || connectedApps.isFetching} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
