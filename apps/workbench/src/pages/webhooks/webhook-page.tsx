import { Button, DataList, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import type { Webhook } from '@switchboard/sdk';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useProductQuery } from '../../api/products';
import { useWebhookQuery } from '../../api/webhooks';
import { paths } from '../../app/paths';
import { CopyTextButton } from '../../components/copy-text-button';
import { TagText } from '../../components/data-table';
import { DetailItem } from '../../components/detail-item';
import { PageSection } from '../../components/page-section';
import { QueryContent } from '../../components/query-content';
import { usePageTitle } from '../../components/use-page-title';
import { ProductBreadcrumbs } from '../../components/product-breadcrumbs';
import { DeleteWebhookModal } from './delete-webhook-modal';
import { EditWebhookModal } from './edit-webhook-modal';
import { ForwardingSecret } from './forwarding-secret';
import { WebhookDelivery } from './webhook-delivery';
import { WebhookEventLog } from './webhook-event-log';
import { ForwardTarget, WEBHOOK_SCHEMES } from './webhook-labels';
import { NeedsRole } from '../../components/needs-role';

/** One webhook: its settings, receive URLs, delivery state, forwarding secret and event log, with Edit and Delete. */
export function WebhookPage() {
  const { product = '', webhook: tag = '' } = useParams();
  const webhook = useWebhookQuery(product, tag);
  const productName = useProductQuery(product).data?.name ?? product;
  usePageTitle(webhook.data?.name ?? tag);
  return (
    <Stack gap="lg">
      <ProductBreadcrumbs product={product} productLabel={productName} trail={[{ label: 'Webhooks', to: paths.webhooks(product) }]} current={tag} />
      <QueryContent query={webhook} loadingLabel="Loading the webhook" errorTitle={`Could not load webhook ${tag}`}>
        {(loaded) => <WebhookDetails webhook={loaded} />}
      </QueryContent>
    </Stack>
  );
}

function WebhookDetails({ webhook }: { webhook: Webhook }) {
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{webhook.name}</Title>
          <TagText>{webhook.tag}</TagText>
        </Stack>
        <NeedsRole role="developer">
          <Group gap="sm">
            <Button variant="default" leftSection={<IconPencil size={18} aria-hidden />} onClick={() => setEditing(true)}>
              Edit
            </Button>
            <Button color="red" variant="light" leftSection={<IconTrash size={18} aria-hidden />} onClick={() => setDeleting(true)}>
              Delete
            </Button>
          </Group>
        </NeedsRole>
      </Group>
      <NeedsRole role="developer" notice="edit, delete or replay webhooks, or enable their delivery" />
      <PageSection title="Receive URLs" headingId="receive-urls-heading">
        <Text size="sm" c="dimmed">
          Give the sender the URL of the environment it posts in. It reveals nothing about the workspace or product.
        </Text>
        <Table.ScrollContainer minWidth={520}>
          <Table aria-labelledby="receive-urls-heading">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Environment</Table.Th>
                <Table.Th>Receive URL</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {webhook.envs.map((env) => (
                <Table.Tr key={env.env}>
                  <Table.Td>{env.env}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Text ff="monospace" size="sm" style={{ wordBreak: 'break-all' }}>
                        {env.receive_url}
                      </Text>
                      <CopyTextButton
                        text={env.receive_url}
                        label={`Copy the receive URL of ${env.env}`}
                        copied={{ title: 'Receive URL copied', message: `The ${env.env} receive URL is on the clipboard: give it to the sender.` }}
                      />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </PageSection>
      <PageSection title="Settings" headingId="webhook-settings-heading">
        <DataList aria-labelledby="webhook-settings-heading">
          <DetailItem label="Signature scheme">{WEBHOOK_SCHEMES[webhook.scheme].label}</DetailItem>
          {webhook.hmac === null ? null : (
            <DetailItem label="Generic HMAC">
              <Text size="sm" ff="monospace">
                {webhook.hmac.algorithm}, {webhook.hmac.encoding}, {webhook.hmac.header}: {webhook.hmac.prefix}… over {webhook.hmac.signed_content}
                {webhook.hmac.timestamp_header === null ? '' : `; timestamp in ${webhook.hmac.timestamp_header}`}
                {webhook.hmac.event_id_header === null ? '' : `; event id in ${webhook.hmac.event_id_header}`}
              </Text>
            </DetailItem>
          )}
          <DetailItem label="Signing secret">
            <Text size="sm" ff="monospace">
              {webhook.signing_secret}
            </Text>
          </DetailItem>
          <DetailItem label="Connected app">{webhook.app === null ? 'None' : <TagText>{webhook.app}</TagText>}</DetailItem>
          <DetailItem label="Forwards to">
            <ForwardTarget forwardUrl={webhook.forward_url} />
          </DetailItem>
          <DetailItem label="Timestamp tolerance">{webhook.tolerance_seconds} s</DetailItem>
          <DetailItem label="Updated">{new Date(webhook.updated_at).toLocaleString()}</DetailItem>
        </DataList>
      </PageSection>
      {webhook.forward_url === null && webhook.delivery.state === 'healthy' ? null : (
        <PageSection title="Delivery" headingId="webhook-delivery-heading">
          <WebhookDelivery webhook={webhook} />
        </PageSection>
      )}
      <PageSection title="Forwarding secret" headingId="forwarding-secret-heading">
        {/* Reading the secret needs a developer, as rotating it does. */}
        <NeedsRole role="developer" notice="reveal or rotate the forwarding secret">
          <ForwardingSecret product={webhook.product} tag={webhook.tag} />
        </NeedsRole>
      </PageSection>
      <WebhookEventLog webhook={webhook} />
      {editing ? <EditWebhookModal webhook={webhook} onClose={() => setEditing(false)} /> : null}
      {deleting ? <DeleteWebhookModal webhook={webhook} onClose={() => setDeleting(false)} onDeleted={() => void navigate(paths.webhooks(webhook.product))} /> : null}
    </Stack>
  );
}
