import { Alert, Button, Code, DataList, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { CopyTextButton } from './copy-text-button';
import { DetailItem } from './detail-item';

/** A private key just created or rotated, with what signing in or calling the API with it also takes. */
export interface IssuedKey {
  /** The dialog's title: "Member added", "Key rotated". */
  title: string;
  workspaceId: string;
  userId: string;
  keyName: string;
  keyId: string;
  privateKey: string;
}

interface IssuedKeyModalProps {
  /** The key to show; the dialog is closed while it is null. The caller drops it on close, so it is shown once. */
  issued: IssuedKey | null;
  onClose: () => void;
}

/** Shows a private key the one time the API answers it, with a copy icon and the warning that it is not shown again. */
export function IssuedKeyModal({ issued, onClose }: IssuedKeyModalProps) {
  return (
    // Not closed by a click beside it: the key would be gone before it was copied.
    <Modal opened={issued !== null} onClose={onClose} title={issued?.title ?? ''} size="lg" closeOnClickOutside={false}>
      {issued === null ? null : (
        <Stack gap="sm">
          {/* The title in the text colour: yellow on the light yellow background is 2.7:1, short of 4.5:1. */}
          <Alert color="yellow" variant="light" title="Copy the private key now" icon={<IconAlertTriangle aria-hidden />} styles={{ title: { color: 'var(--mantine-color-text)' } }}>
            <Text size="sm">
              This is the only time it is shown: Switchboard keeps only its hash, and no one can show it again. If it is lost, rotate the key to get a
              new one.
            </Text>
          </Alert>
          <DataList>
            <DetailItem label="Workspace id">
              <Code>{issued.workspaceId}</Code>
            </DetailItem>
            <DetailItem label="User id">
              <Code>{issued.userId}</Code>
            </DetailItem>
            <DetailItem label="Key">
              {issued.keyName} (<Code>{issued.keyId}</Code>)
            </DetailItem>
            <DetailItem label="Private key">
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Code style={{ wordBreak: 'break-all' }}>{issued.privateKey}</Code>
                <CopyTextButton
                  text={issued.privateKey}
                  label="Copy the private key"
                  copied={{ title: 'Private key copied', message: 'Keep it somewhere safe: it is not shown again.' }}
                />
              </Group>
            </DetailItem>
          </DataList>
          <Group justify="flex-end">
            <Button onClick={onClose}>I have copied the key</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
