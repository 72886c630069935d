import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Webhook } from '@switchboard/sdk';
import { useDeleteWebhookMutation } from '../../api/webhooks';
import { ApiErrorAlert } from '../../components/api-error-alert';

/** Asks before deleting: the receive URLs answer 404 from then on, and senders still posting to them are refused. */
export function DeleteWebhookModal({ webhook, onClose, onDeleted }: { webhook: Webhook; onClose: () => void; onDeleted: () => void }) {
  const remove = useDeleteWebhookMutation(webhook.product);
  const confirm = () =>
    remove.mutate(webhook.tag, {
      onSuccess: () => {
        notifications.show({ color: 'green', title: 'Webhook deleted', message: `${webhook.name}'s receive URLs no longer accept events.` });
        onDeleted();
      },
    });

  return (
    <Modal opened onClose={onClose} title={`Delete ${webhook.name}?`}>
      <Stack gap="sm">
        <Text size="sm">
          Its {webhook.envs.length === 1 ? 'receive URL answers' : `${webhook.envs.length} receive URLs answer`} 404 from then on: a sender still posting to{' '}
          {webhook.envs.length === 1 ? 'it' : 'them'} is refused, and nothing more is forwarded.
        </Text>
        {remove.error === null ? null : <ApiErrorAlert title="Could not delete the webhook" error={remove.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          {/* Shade 9: white on the default red (shade 7) is 3.8:1, short of 4.5:1. */}
          <Button color="red.9" loading={remove.isPending} onClick={confirm}>
            Delete webhook
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
