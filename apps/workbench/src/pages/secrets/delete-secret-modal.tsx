import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useDeleteSecretMutation } from '../../api/secrets';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { secretReference } from '../../components/secret-reference';

interface DeleteSecretModalProps {
  /** The secret to delete; the dialog is closed while it is null. */
  secretKey: string | null;
  onClose: () => void;
  onDeleted?: () => void;
}

/** Asks before deleting: the stored versions are destroyed and every reference to the key then fails. */
export function DeleteSecretModal({ secretKey, onClose, onDeleted }: DeleteSecretModalProps) {
  const remove = useDeleteSecretMutation();
  const close = () => {
    remove.reset();
    onClose();
  };
  const confirm = (key: string) =>
    remove.mutate(key, {
      onSuccess: () => {
        notifications.show({ color: 'green', title: 'Secret deleted', message: `${key} and every version of its value are gone.` });
        close();
        onDeleted?.();
      },
    });

  return (
    <Modal opened={secretKey !== null} onClose={close} title={`Delete ${secretKey ?? ''}?`}>
      {secretKey === null ? null : (
        <Stack gap="sm">
          <Text size="sm">
            Every stored version of its value is destroyed. Configurations that reference <code>{secretReference(secretKey)}</code> keep the
            reference, and their runs fail with <code>secret_not_found</code> until a secret of that key exists again.
          </Text>
          {remove.error === null ? null : <ApiErrorAlert title="Could not delete the secret" error={remove.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            {/* Shade 9: white on the default red (shade 7) is 3.8:1, short of 4.5:1. */}
            <Button color="red.9" loading={remove.isPending} onClick={() => confirm(secretKey)}>
              Delete secret
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
