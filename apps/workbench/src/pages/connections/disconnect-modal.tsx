import { Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import type { ConnectedApp } from '@switchboard/sdk';
import { useNavigate } from 'react-router';
import { useDisconnectMutation } from '../../api/connections';
import { ApiErrorAlert } from '../../components/api-error-alert';

/** Asks before disconnecting; once done, goes back to the product. */
export function DisconnectModal({ connection, productName, onClose }: { connection: ConnectedApp; productName: string; onClose: () => void }) {
  const disconnect = useDisconnectMutation(connection.product, connection.access_tag);
  const navigate = useNavigate();
  return (
    <Modal opened onClose={onClose} title={`Disconnect ${connection.access_tag}?`} centered>
      <Stack gap="md">
        <Text>
          {connection.app_name} stops being reachable from {productName} as <Code>{connection.access_tag}</Code>: runs naming it fail with connection_not_found.
          The app stays in the workspace and the connection's run records stay readable.
        </Text>
        {disconnect.isError ? <ApiErrorAlert title="Could not disconnect" error={disconnect.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={disconnect.isPending}
            onClick={() => disconnect.mutate(undefined, { onSuccess: () => void navigate(`/products/${encodeURIComponent(connection.product)}`) })}
          >
            Disconnect
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
