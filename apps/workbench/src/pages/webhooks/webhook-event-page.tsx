import { Button, Code, DataList, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRepeat } from '@tabler/icons-react';
import type { Webhook, WebhookDeliveryAttempt, WebhookEvent } from '@switchboard/sdk';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useReplayWebhookEventMutation, useWebhookEventQuery, useWebhookQuery } from '../../api/webhooks';
import { paths } from '../../app/paths';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DetailItem } from '../../components/detail-item';
import { HeadersTable } from '../../components/headers-table';
import { PageSection } from '../../components/page-section';
import { QueryContent } from '../../components/query-content';
import { usePageTitle } from '../../components/use-page-title';
import { ProductBreadcrumbs } from '../../components/product-breadcrumbs';
import { verificationText, WebhookEventStatusBadge } from './webhook-labels';
import { NeedsRole } from '../../components/needs-role';

/** The states a single replay accepts (the API refuses a refused or a still queued event). */
const REPLAYABLE: ReadonlySet<WebhookEvent['status']> = new Set(['stored', 'delivered', 'dead_lettered']);

/** One received event: what arrived (headers, body), the signature check, and every delivery attempt; Replay. */
export function WebhookEventPage() {
  const { product = '', webhook: tag = '', event: eventId = '' } = useParams();
  const webhook = useWebhookQuery(product, tag);
  const event = useWebhookEventQuery(product, tag, eventId);
  usePageTitle(`Event ${eventId}`);
  return (
    <Stack gap="lg">
      <ProductBreadcrumbs
        product={product}
        trail={[
          { label: 'Webhooks', to: paths.webhooks(product) },
          { label: webhook.data?.name ?? tag, to: paths.webhook(product, tag) },
        ]}
        current="Event"
      />
      <QueryContent query={event} loadingLabel="Loading the event" errorTitle={`Could not load event ${eventId}`}>
        {(loaded) => <EventDetails event={loaded} webhook={webhook.data} product={product} tag={tag} />}
      </QueryContent>
    </Stack>
  );
}

function EventDetails({ event, webhook, product, tag }: { event: WebhookEvent; webhook: Webhook | undefined; product: string; tag: string }) {
  const [confirming, setConfirming] = useState(false);
  const canReplay = webhook !== undefined && webhook.forward_url !== null && REPLAYABLE.has(event.status);
  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>Event received {new Date(event.received_at).toLocaleString()}</Title>
          <Text size="sm" ff="monospace">
            {event.event_id}
          </Text>
        </Stack>
        {canReplay ? (
          <NeedsRole role="developer">
            <Button variant="light" leftSection={<IconRepeat size={18} aria-hidden />} onClick={() => setConfirming(true)}>
              Replay
            </Button>
          </NeedsRole>
        ) : null}
      </Group>
      <PageSection title="Summary" headingId="event-summary-heading">
        <DataList aria-labelledby="event-summary-heading">
          <DetailItem label="Environment">{event.env}</DetailItem>
          <DetailItem label="Verification">
            {verificationText(event)} ({event.verification.scheme})
          </DetailItem>
          <DetailItem label="Delivery status">
            <WebhookEventStatusBadge status={event.status} />
          </DetailItem>
          {event.error_code === null ? null : (
            <DetailItem label="Error">
              <Code>{event.error_code}</Code> {event.error_message}
            </DetailItem>
          )}
          <DetailItem label="Attempts">
            {event.attempts} in this round, {event.attempts_recorded} recorded, {event.replays === 1 ? '1 replay' : `${event.replays} replays`}
          </DetailItem>
          {event.delivered_at === null ? null : <DetailItem label="Delivered">{new Date(event.delivered_at).toLocaleString()}</DetailItem>}
          {event.next_attempt_at === null ? null : <DetailItem label="Next attempt">{new Date(event.next_attempt_at).toLocaleString()}</DetailItem>}
          {event.sender_event_id === null ? null : <DetailItem label="Sender's event id">{event.sender_event_id}</DetailItem>}
          <DetailItem label="Received at">
            <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
              {event.url}
            </Text>
          </DetailItem>
          <DetailItem label="Forwarded to">{event.forward_url ?? 'Not forwarded: the product pulls it'}</DetailItem>
        </DataList>
      </PageSection>
      <PageSection title="Delivery attempts" headingId="event-attempts-heading">
        <DeliveryAttempts attempts={event.delivery_attempts} recorded={event.attempts_recorded} />
      </PageSection>
      <PageSection title="Headers" headingId="event-headers-heading">
        <HeadersTable headers={event.headers} label="Headers" />
      </PageSection>
      <PageSection title="Body" headingId="event-body-heading">
        {event.body_encoding === 'base64' ? (
          <Text size="sm" c="dimmed">
            Not UTF-8 text: shown in base64, as the API gives it.
          </Text>
        ) : null}
        <Code block aria-labelledby="event-body-heading" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {event.body === '' ? '(empty)' : event.body}
        </Code>
      </PageSection>
      {confirming ? <ReplayEventModal product={product} tag={tag} event={event} forwardUrl={webhook?.forward_url ?? ''} onClose={() => setConfirming(false)} /> : null}
    </Stack>
  );
}

function DeliveryAttempts({ attempts, recorded }: { attempts: readonly WebhookDeliveryAttempt[]; recorded: number }) {
  if (attempts.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No delivery attempt yet.
      </Text>
    );
  }
  return (
    <>
      {recorded > attempts.length ? (
        <Text size="sm" c="dimmed">
          The latest {attempts.length} of {recorded} attempts.
        </Text>
      ) : null}
      <Table.ScrollContainer minWidth={640}>
        <Table aria-labelledby="event-attempts-heading" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Round</Table.Th>
              <Table.Th>Attempt</Table.Th>
              <Table.Th>Started</Table.Th>
              <Table.Th>HTTP status</Table.Th>
              <Table.Th>Duration</Table.Th>
              <Table.Th>Error</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {attempts.map((attempt) => (
              <Table.Tr key={`${attempt.replay}-${attempt.attempt}`}>
                <Table.Td>{attempt.replay === 0 ? 'Receipt' : `Replay ${attempt.replay}`}</Table.Td>
                <Table.Td>{attempt.attempt}</Table.Td>
                <Table.Td>{new Date(attempt.started_at).toLocaleString()}</Table.Td>
                <Table.Td>{attempt.http_status ?? 'No answer'}</Table.Td>
                <Table.Td>{attempt.duration_ms} ms</Table.Td>
                <Table.Td>{attempt.error_code === null ? '—' : `${attempt.error_code}: ${attempt.error_message ?? ''}`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

function ReplayEventModal({ product, tag, event, forwardUrl, onClose }: { product: string; tag: string; event: WebhookEvent; forwardUrl: string; onClose: () => void }) {
  const replay = useReplayWebhookEventMutation(product, tag);
  return (
    <Modal opened onClose={onClose} title="Replay this event?">
      <Stack gap="sm">
        <Text size="sm">
          It is queued again for the webhook&apos;s forward URL, <code>{forwardUrl}</code>, with the same <code>webhook-id</code>, so your endpoint can drop a repeat. Its attempts count
          from 1 again; the earlier ones stay recorded.
        </Text>
        {replay.error === null ? null : <ApiErrorAlert title="Could not replay the event" error={replay.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            loading={replay.isPending}
            onClick={() =>
              replay.mutate(event.event_id, {
                onSuccess: () => {
                  notifications.show({ color: 'green', title: 'Event queued', message: 'It is on its way to the forward URL again.' });
                  onClose();
                },
              })
            }
          >
            Replay event
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
