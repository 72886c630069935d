import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Webhook } from '@switchboard/sdk';
import { useState } from 'react';
import { useEnableWebhookMutation } from '../../api/webhooks';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { WEBHOOK_DELIVERY_STATES, WebhookDeliveryBadge } from './webhook-labels';
import { NeedsRole } from '../../components/needs-role';

function heldEventsText(count: number): string {
  return count === 1 ? '1 held event' : `${count} held events`;
}

/**
 * How delivery to the forward URL is doing: failing since when and why, or disabled (when, why, how many events are
 * held) with Enable delivery, offered only while there is a forward URL to deliver to.
 */
export function WebhookDelivery({ webhook }: { webhook: Webhook }) {
  const [enabling, setEnabling] = useState(false);
  const { delivery } = webhook;
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <WebhookDeliveryBadge state={delivery.state} />
        {delivery.state === 'failing' && delivery.failing_since !== null ? (
          <Text size="sm">Every attempt has failed since {new Date(delivery.failing_since).toLocaleString()}</Text>
        ) : null}
        {delivery.state === 'disabled' && delivery.disabled_at !== null ? <Text size="sm">Since {new Date(delivery.disabled_at).toLocaleString()}</Text> : null}
      </Group>
      {delivery.reason === null ? null : (
        <Text size="sm" maw={720}>
          {delivery.reason}
        </Text>
      )}
      {delivery.state === 'disabled' ? (
        <Group gap="sm">
          <Text size="sm">{heldEventsText(delivery.held_events)}, delivered once it is enabled.</Text>
          {webhook.forward_url === null ? (
            <Text size="sm" c="dimmed">
              Set a forward URL (Edit) to enable delivery.
            </Text>
          ) : (
            <NeedsRole role="developer">
              <Button size="xs" onClick={() => setEnabling(true)}>
                Enable delivery
              </Button>
            </NeedsRole>
          )}
        </Group>
      ) : null}
      {enabling ? <EnableDeliveryModal webhook={webhook} onClose={() => setEnabling(false)} /> : null}
    </Stack>
  );
}

function EnableDeliveryModal({ webhook, onClose }: { webhook: Webhook; onClose: () => void }) {
  const enable = useEnableWebhookMutation(webhook.product, webhook.tag);
  const confirm = () =>
    enable.mutate(undefined, {
      onSuccess: ({ delivery, released }) => {
        notifications.show({
          color: 'green',
          title: 'Delivery enabled',
          message: `${heldEventsText(released)} queued for the forward URL; delivery is ${WEBHOOK_DELIVERY_STATES[delivery.state].label.toLowerCase()}.`,
        });
        onClose();
      },
    });

  return (
    <Modal opened onClose={onClose} title={`Enable delivery of ${webhook.name}?`}>
      <Stack gap="sm">
        <Text size="sm">
          The {heldEventsText(webhook.delivery.held_events)} {webhook.delivery.held_events === 1 ? 'is' : 'are'} delivered to <code>{webhook.forward_url}</code>, each once, and
          new events are forwarded again.
        </Text>
        {enable.error === null ? null : <ApiErrorAlert title="Could not enable delivery" error={enable.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button loading={enable.isPending} onClick={confirm}>
            Enable delivery
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
