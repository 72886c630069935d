import { Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconApps, IconBuildingStore, IconFileImport, type Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { paths } from '../../app/paths';
import { usePageTitle } from '../../components/use-page-title';
import { ProductBreadcrumbs } from '../../components/product-breadcrumbs';
import { ImportAppModal } from './import-app-modal';
import { WorkspaceAppModal } from './workspace-app-modal';
import { NeedsRole } from '../../components/needs-role';

// The open modal lives in the URL, so a reload or a shared link reopens it.
const MODAL_PARAM = 'add';
type ModalName = 'workspace' | 'import';

/** Step 3 of seed 001: the three ways to add an app. Each ends on the app's overview, where Integrate connects it. */
export function ConnectAppPage() {
  const { product = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const open = params.get(MODAL_PARAM);
  usePageTitle(`Connect App · ${product}`);
  const show = (modal: ModalName | undefined) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (modal === undefined) next.delete(MODAL_PARAM);
      else next.set(MODAL_PARAM, modal);
      return next;
    });

  return (
    <Stack gap="lg">
      <ProductBreadcrumbs product={product} current="Connect App" />
      <Stack gap={4}>
        <Title order={1}>Connect App</Title>
        <Text c="dimmed">Choose how to add the app; its overview then offers Integrate, which connects it to this product.</Text>
      </Stack>
      <NeedsRole role="developer" notice="add apps and connect them to a product" />
      <NeedsRole role="developer">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
          <OptionCard icon={IconApps} title="Add Workspace App" description="Connect an app that already exists in your workspace, or create a new one.">
            <Button onClick={() => show('workspace')}>Add Workspace App</Button>
          </OptionCard>
          <OptionCard icon={IconFileImport} title="Import App" description="Import a new app from its OpenAPI, Swagger or Postman document.">
            <Button onClick={() => show('import')}>Import App</Button>
          </OptionCard>
          <OptionCard icon={IconBuildingStore} title="Add from Marketplace" description="Browse and install ready-made apps from the Switchboard Marketplace.">
            <Button component={Link} to={paths.marketplace}>
              Add from Marketplace
            </Button>
          </OptionCard>
        </SimpleGrid>
        <WorkspaceAppModal opened={open === 'workspace'} onClose={() => show(undefined)} />
        <ImportAppModal opened={open === 'import'} onClose={() => show(undefined)} />
      </NeedsRole>
    </Stack>
  );
}

function OptionCard({ icon: OptionIcon, title, description, children }: { icon: Icon; title: string; description: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-label={title}>
      <Stack gap="sm" h="100%" justify="space-between">
        <Stack gap="xs">
          <OptionIcon size={28} aria-hidden />
          <Title order={2} size="h4">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </Stack>
        <div>{children}</div>
      </Stack>
    </Card>
  );
}
