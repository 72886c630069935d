import { Stack, Title } from '@mantine/core';
import { AppsSection } from './apps-section';
import { usePageTitle } from '../../components/use-page-title';
import { ProductsSection } from './products-section';

/** Step 1 of seed 001: the workspace's products (create one here) and its apps. */
export function WorkspacePage() {
  usePageTitle('Workspace');
  return (
    <Stack gap="xl">
      <Title order={1}>Workspace</Title>
      <ProductsSection />
      <AppsSection />
    </Stack>
  );
}
