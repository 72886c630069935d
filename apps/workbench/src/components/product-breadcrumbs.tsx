import { Anchor, Breadcrumbs } from '@mantine/core';
import { Link } from 'react-router';
import { paths } from '../app/paths';

interface ProductBreadcrumbsProps {
  product: string;
  /** How the product link reads: its name once loaded, else its tag. */
  productLabel?: string;
  /** Links between the product and the current page: Webhooks on a webhook's page. */
  trail?: readonly { label: string; to: string }[];
  /** The current page, not a link. */
  current: string;
}

/** Workspace › product › … › this page, on the pages under a product. */
export function ProductBreadcrumbs({ product, productLabel = product, trail = [], current }: ProductBreadcrumbsProps) {
  return (
    <Breadcrumbs>
      <Anchor component={Link} to="/">
        Workspace
      </Anchor>
      <Anchor component={Link} to={paths.product(product)}>
        {productLabel}
      </Anchor>
      {trail.map((step) => (
        <Anchor key={step.to} component={Link} to={step.to}>
          {step.label}
        </Anchor>
      ))}
      <span>{current}</span>
    </Breadcrumbs>
  );
}
