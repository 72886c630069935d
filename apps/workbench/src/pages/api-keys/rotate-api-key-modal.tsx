import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ApiKey, IssuedApiKey } from '@switchboard/sdk';
import { useRotateApiKeyMutation } from '../../api/members';
import { ApiErrorAlert } from '../../components/api-error-alert';

interface RotateApiKeyModalProps {
  /** The key to rotate; the dialog is closed while it is null. */
  apiKey: ApiKey | null;
  onClose: () => void;
  /** Takes the reply, whose new private key is shown this once. */
  onRotated: (key: IssuedApiKey) => void;
}

/** Asks before rotating: the key's current private key is refused from the moment the new one is made. */
export function RotateApiKeyModal({ apiKey, onClose, onRotated }: RotateApiKeyModalProps) {
  const rotate = useRotateApiKeyMutation();
  const close = () => {
    rotate.reset();
    onClose();
  };
  const confirm = (key: ApiKey) =>
    rotate.mutate(
      { userId: key.user_id, keyId: key.key_id },
      {
        onSuccess: (issued) => {
          close();
          onRotated(issued);
        },
      },
    );

  return (
    <Modal opened={apiKey !== null} onClose={close} title={`Rotate ${apiKey?.name ?? ''}?`}>
      {apiKey === null ? null : (
        <Stack gap="sm">
          <Text size="sm">
            A new private key is made under the same id (<code>{apiKey.key_id}</code>) and shown once. The current one is refused from then on, on
            every gateway: update whatever uses it.
          </Text>
          {rotate.error === null ? null : <ApiErrorAlert title="Could not rotate the key" error={rotate.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button loading={rotate.isPending} onClick={() => confirm(apiKey)}>
              Rotate key
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
