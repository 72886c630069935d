import { Anchor } from '@mantine/core';
import type { Product } from '@switchboard/sdk';
import { Link } from 'react-router';
import { useCurrentMember } from '../../api/members';
import { useProductsQuery } from '../../api/products';
import { paths } from '../../app/paths';
import { DataTable, type Column } from '../../components/data-table';
import { EnvBadges } from '../../components/env-badges';
import { PageSection } from '../../components/page-section';
import { Paged } from '../../components/paged';
import { QueryContent } from '../../components/query-content';
import { CreateProductForm } from './create-product-form';
import { NeedsRole } from '../../components/needs-role';

const COLUMNS: readonly Column<Product>[] = [
  {
    header: 'Tag',
    cell: (product) => (
      <Anchor component={Link} to={paths.product(product.tag)} ff="monospace" size="sm">
        {product.tag}
      </Anchor>
    ),
  },
  { header: 'Name', cell: (product) => product.name },
  { header: 'Environments', cell: (product) => <EnvBadges envs={product.envs} /> },
  { header: 'Created', cell: (product) => new Date(product.created_at).toLocaleString() },
];

/** The products list with its create form. */
export function ProductsSection() {
  const products = useProductsQuery();
  const mayCreate = useCurrentMember().covers('developer');
  return (
    <PageSection title="Products" headingId="products-heading">
      <NeedsRole role="developer" notice="create products">
        <CreateProductForm existingTags={products.data?.map((product) => product.tag) ?? []} />
      </NeedsRole>
      <QueryContent
        query={products}
        loadingLabel="Loading products"
        errorTitle="Could not load the products"
        empty={mayCreate ? 'No products yet. Create the first one above: a product is what your team builds on connected apps.' : 'No products yet.'}
      >
        {(list) => (
          <Paged items={list} noun="products">
            {(page) => <DataTable labelledBy="products-heading" rows={page} columns={COLUMNS} rowKey={(product) => product.tag} />}
          </Paged>
        )}
      </QueryContent>
    </PageSection>
  );
}
