import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Member } from '@switchboard/sdk';
import { useRemoveMemberMutation } from '../../api/members';
import { ApiErrorAlert } from '../../components/api-error-alert';

interface RemoveMemberModalProps {
  /** The member to remove; the dialog is closed while it is null. */
  member: Member | null;
  /** Whether that member is the one signed in, who is then signed out. */
  isSelf: boolean;
  onClose: () => void;
}

/** Asks before removing a member: their keys and sessions stop working at once. */
export function RemoveMemberModal({ member, isSelf, onClose }: RemoveMemberModalProps) {
  const remove = useRemoveMemberMutation();
  const close = () => {
    remove.reset();
    onClose();
  };
  const confirm = (target: Member) =>
    remove.mutate(target.user_id, {
      onSuccess: () => {
        notifications.show({ color: 'green', title: 'Member removed', message: `${target.name} and their keys no longer have access.` });
        close();
      },
    });

  return (
    <Modal opened={member !== null} onClose={close} title={`Remove ${member?.name ?? ''}?`}>
      {member === null ? null : (
        <Stack gap="sm">
          <Text size="sm">
            Every API key and workbench session of <strong>{member.name}</strong> (<code>{member.user_id}</code>) stops working at once, on every
            gateway. Their past changes stay in the audit log.
          </Text>
          {isSelf ? (
            <Text size="sm" fw={500}>
              This is you: you are signed out once it is done.
            </Text>
          ) : null}
          {remove.error === null ? null : <ApiErrorAlert title="Could not remove the member" error={remove.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            {/* Shade 9: white on the default red (shade 7) is 3.8:1, short of 4.5:1. */}
            <Button color="red.9" loading={remove.isPending} onClick={() => confirm(member)}>
              Remove member
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
