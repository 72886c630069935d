import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import type { Webhook } from '@switchboard/sdk';
import { Link, useParams } from 'react-router';
import { useProductQuery } from '../../api/products';
import { useWebhooksQuery } from '../../api/webhooks';
import { paths } from '../../app/paths';
import { DataTable, TagText, type Column } from '../../components/data-table';
import { Paged } from '../../components/paged';
import { QueryContent } from '../../components/query-content';
import { usePageTitle } from '../../components/use-page-title';
import { ProductBreadcrumbs } from '../../components/product-breadcrumbs';
import { CreateWebhookModal } from './create-webhook-modal';
import { ForwardTarget, WEBHOOK_SCHEMES, WebhookDeliveryBadge } from './webhook-labels';
import { NeedsRole } from '../../components/needs-role';

const COLUMNS: readonly Column<Webhook>[] = [
  {
    header: 'Name',
    cell: (webhook) => (
      <Anchor component={Link} to={paths.webhook(webhook.product, webhook.tag)} size="sm">
        {webhook.name}
      </Anchor>
    ),
  },
  { header: 'Tag', cell: (webhook) => <TagText>{webhook.tag}</TagText> },
  { header: 'Scheme', cell: (webhook) => WEBHOOK_SCHEMES[webhook.scheme].label },
  { header: 'App', cell: (webhook) => (webhook.app === null ? '—' : <TagText>{webhook.app}</TagText>) },
  {
    header: 'Forwards to',
    cell: (webhook) => (
      <Group gap="xs" wrap="nowrap">
        <ForwardTarget forwardUrl={webhook.forward_url} />
        {webhook.delivery.state === 'healthy' ? null : <WebhookDeliveryBadge state={webhook.delivery.state} />}
      </Group>
    ),
  },
  {
    header: 'Environments',
    cell: (webhook) => (
      <Group gap={4}>
        {webhook.envs.map((env) => (
          <Badge key={env.env} variant="light" color="indigo">
            {env.env}
          </Badge>
        ))}
      </Group>
    ),
  },
];

/** A product's webhooks (issue 12): signed inbound endpoints, with Create. */
export function WebhooksPage() {
  const { product = '' } = useParams();
  const productQuery = useProductQuery(product);
  const webhooks = useWebhooksQuery(product);
  const [creating, createDialog] = useDisclosure(false);
  const productName = productQuery.data?.name ?? product;
  usePageTitle(`Webhooks · ${productName}`);

  return (
    <Stack gap="lg">
      <ProductBreadcrumbs product={product} productLabel={productName} current="Webhooks" />
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1} id="webhooks-heading">
            Webhooks
          </Title>
          <Text c="dimmed" size="sm" maw={640}>
            Each webhook gives a sender a receive URL per environment. Switchboard checks the sender&apos;s signature, stores the event, and forwards
            it to your product signed with Standard Webhooks, or keeps it for your product to pull.
          </Text>
        </Stack>
        <NeedsRole role="developer">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={createDialog.open}>
            Create webhook
          </Button>
        </NeedsRole>
      </Group>
      <NeedsRole role="developer" notice="create, change or replay webhooks" />
      <QueryContent
        query={webhooks}
        loadingLabel="Loading the webhooks"
        errorTitle="Could not load the webhooks"
        empty="No webhooks yet. Create one to get a receive URL for Stripe, GitHub, Twilio, Shopify or any sender that signs its requests."
      >
        {(list) => <Paged items={list} noun="webhooks">{(page) => <DataTable labelledBy="webhooks-heading" rows={page} columns={COLUMNS} rowKey={(webhook) => webhook.tag} minWidth={860} />}</Paged>}
      </QueryContent>
      {creating ? <CreateWebhookModal product={product} onClose={createDialog.close} existingTags={webhooks.data?.map((webhook) => webhook.tag) ?? []} /> : null}
    </Stack>
  );
}
