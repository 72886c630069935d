import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ApiKey } from '@switchboard/sdk';
import { useRevokeApiKeyMutation } from '../../api/members';
import { ApiErrorAlert } from '../../components/api-error-alert';

/** Asks before revoking `apiKey` (closed while it is null): it is refused at once and cannot come back. */
export function RevokeApiKeyModal({ apiKey, onClose }: { apiKey: ApiKey | null; onClose: () => void }) {
  const revoke = useRevokeApiKeyMutation();
  const close = () => {
    revoke.reset();
    onClose();
  };
  const confirm = (key: ApiKey) =>
    revoke.mutate(
      { userId: key.user_id, keyId: key.key_id },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', title: 'Key revoked', message: `${key.name} is refused from now on.` });
          close();
        },
      },
    );

  return (
    <Modal opened={apiKey !== null} onClose={close} title={`Revoke ${apiKey?.name ?? ''}?`}>
      {apiKey === null ? null : (
        <Stack gap="sm">
          <Text size="sm">
            Calls made with <code>{apiKey.key_id}</code> are refused at once, on every gateway. This cannot be undone: create a new key if one is
            needed again.
          </Text>
          {revoke.error === null ? null : <ApiErrorAlert title="Could not revoke the key" error={revoke.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            {/* Shade 9: white on the default red (shade 7) is 3.8:1, short of 4.5:1. */}
            <Button color="red.9" loading={revoke.isPending} onClick={() => confirm(apiKey)}>
              Revoke key
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
