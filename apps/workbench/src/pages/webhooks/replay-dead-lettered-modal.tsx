import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { Webhook } from '@switchboard/sdk';
import { useReplayWebhookEventsMutation, type WebhookEventLogFilters } from '../../api/webhooks';
import { ApiErrorAlert } from '../../components/api-error-alert';

/**
 * Bulk recovery: queues again the dead-lettered events the log's env and time filters match (the API's bulk replay,
 * oldest first, up to its cap per call), then says how many it queued and whether more are left.
 */
export function ReplayDeadLetteredModal({ webhook, filters, onClose }: { webhook: Webhook; filters: WebhookEventLogFilters; onClose: () => void }) {
  const replay = useReplayWebhookEventsMutation(webhook.product, webhook.tag);
  const scope = [filters.env === undefined ? null : `in ${filters.env}`, filters.after === undefined ? null : `received after ${new Date(filters.after).toLocaleString()}`]
    .filter(Boolean)
    .join(', ');
  const replayed = replay.data;

  return (
    <Modal opened onClose={onClose} title="Replay dead-lettered events?">
      <Stack gap="sm">
        {replayed === undefined ? (
          <Text size="sm">
            Every dead-lettered event of {webhook.name}
            {scope === '' ? '' : ` ${scope}`} is queued again for <code>{webhook.forward_url}</code>, each with the <code>webhook-id</code> it had before, so your endpoint
            can drop a repeat.
          </Text>
        ) : (
          <Text size="sm" role="status">
            {replayed.replayed === 1 ? '1 event' : `${replayed.replayed} events`} queued again.
            {replayed.more ? ' More are dead-lettered than one replay queues: replay again for the rest.' : ''}
          </Text>
        )}
        {replay.error === null ? null : <ApiErrorAlert title="Could not replay the events" error={replay.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {replayed === undefined ? 'Cancel' : 'Close'}
          </Button>
          {replayed !== undefined && !replayed.more ? null : (
            <Button loading={replay.isPending} onClick={() => replay.mutate({ status: 'dead_lettered', env: filters.env, after: filters.after })}>
              {replayed === undefined ? 'Replay dead-lettered' : 'Replay the rest'}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
