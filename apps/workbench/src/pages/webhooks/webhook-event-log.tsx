import { Anchor, Button, Group, Paper, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { IconRefresh, IconRepeat } from '@tabler/icons-react';
import type { Webhook, WebhookEventSummary } from '@switchboard/sdk';
import { useState } from 'react';
import { Link } from 'react-router';
import { useWebhookEventLogQuery, type WebhookEventLogFilters } from '../../api/webhooks';
import { paths } from '../../app/paths';
import { useAddressFields } from '../../components/address-fields';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DataTable, type Column } from '../../components/data-table';
import { formErrorsOf } from '../../components/form-errors';
import { ListSkeleton } from '../../components/list-skeleton';
import { PageSection } from '../../components/page-section';
import { instantOf, localInputOf } from '../../components/local-instant';
import { ReplayDeadLetteredModal } from './replay-dead-lettered-modal';
import { verificationText, WEBHOOK_EVENT_STATUSES, WebhookEventStatusBadge } from './webhook-labels';
import { NeedsRole } from '../../components/needs-role';

const FILTER_PARAMS = ['status', 'env', 'after'] as const;

function eventColumns(webhook: Webhook): readonly Column<WebhookEventSummary>[] {
  return [
    {
      header: 'Received',
      cell: (event) => (
        <Anchor component={Link} to={paths.webhookEvent(webhook.product, webhook.tag, event.event_id)} size="sm" aria-label={`Event received ${new Date(event.received_at).toLocaleString()} in ${event.env}`}>
          {new Date(event.received_at).toLocaleString()}
        </Anchor>
      ),
    },
    { header: 'Env', cell: (event) => event.env },
    { header: 'Verification', cell: (event) => <Text size="sm">{verificationText(event)}</Text> },
    { header: 'Delivery', cell: (event) => <WebhookEventStatusBadge status={event.status} /> },
    { header: 'Attempts', cell: (event) => event.attempts },
  ];
}

/** The webhook's events, newest first, filtered by what the URL holds; "Replay dead-lettered" recovers them in bulk. */
export function WebhookEventLog({ webhook }: { webhook: Webhook }) {
  const [fields, setFilters] = useAddressFields(FILTER_PARAMS);
  const filters = fields as WebhookEventLogFilters;
  const events = useWebhookEventLogQuery(webhook.product, webhook.tag, filters);
  const [replaying, setReplaying] = useState(false);
  const { fields: errors, unplaced } = formErrorsOf<keyof WebhookEventLogFilters>(events.error, { status: 'status', env: 'env', after: 'after' });

  return (
    <PageSection title="Events" headingId="webhook-events-heading">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          What each sender posted, whether its signature checked out, and what became of it.
        </Text>
        <Group gap="sm">
          <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => void events.refetch()} loading={events.isRefetching}>
            Refresh
          </Button>
          {webhook.forward_url === null ? null : (
            <NeedsRole role="developer">
              <Button variant="light" leftSection={<IconRepeat size={16} aria-hidden />} onClick={() => setReplaying(true)}>
                Replay dead-lettered
              </Button>
            </NeedsRole>
          )}
        </Group>
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} role="group" aria-label="Event filters">
          <Select
            label="Delivery status"
            placeholder="Every status"
            clearable
            data={Object.entries(WEBHOOK_EVENT_STATUSES).map(([value, { label }]) => ({ value, label }))}
            value={filters.status ?? null}
            onChange={(value) => setFilters({ ...filters, status: value ?? undefined })}
            error={errors.status}
          />
          <Select
            label="Environment"
            placeholder="Every environment"
            clearable
            data={webhook.envs.map((env) => env.env)}
            value={filters.env ?? null}
            onChange={(value) => setFilters({ ...filters, env: value ?? undefined })}
            error={errors.env}
          />
          <TextInput
            type="datetime-local"
            label="Received after"
            description="Your local time"
            value={localInputOf(filters.after)}
            onChange={(event) => setFilters({ ...filters, after: instantOf(event.currentTarget.value) })}
            error={errors.after}
          />
        </SimpleGrid>
      </Paper>
      {events.isPending ? (
        <ListSkeleton label="Loading the events" />
      ) : events.data === undefined ? (
        unplaced === undefined ? null : <ApiErrorAlert title="Could not load the events" error={unplaced} onRetry={events.refetch} />
      ) : events.data.length === 0 ? (
        <Paper withBorder p="md">
          <Text c="dimmed">No events {Object.keys(filters).length > 0 ? 'match these filters' : 'yet: they show here once a sender posts to a receive URL'}.</Text>
        </Paper>
      ) : (
        <>
          <DataTable labelledBy="webhook-events-heading" rows={events.data} columns={eventColumns(webhook)} rowKey={(event) => event.event_id} minWidth={720} />
          {events.hasNextPage ? (
            <Group>
              <Button variant="default" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
                Load older events
              </Button>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {events.data.length} event{events.data.length === 1 ? '' : 's'}: every one kept for these filters.
            </Text>
          )}
          {events.isFetchNextPageError ? <ApiErrorAlert title="Could not load older events" error={events.error} onRetry={events.fetchNextPage} /> : null}
        </>
      )}
      {replaying ? <ReplayDeadLetteredModal webhook={webhook} filters={filters} onClose={() => setReplaying(false)} /> : null}
    </PageSection>
  );
}
