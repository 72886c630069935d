import { Button, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useCurrentMember } from '../../api/members';
import { useSecretsQuery } from '../../api/secrets';
import { NeedsRole } from '../../components/needs-role';
import { QueryContent } from '../../components/query-content';
import { CreateSecretModal } from './create-secret-modal';
import { DeleteSecretModal } from './delete-secret-modal';
import { RotateSecretModal } from './rotate-secret-modal';
import { SecretsTable } from './secrets-table';
import { SettingsHeading } from '../../components/settings-heading';

/** Workspace Settings → Secrets (seed 002): metadata, create, rotate, delete, and the copy icon for `$Token{KEY}`. */
export function SecretsPage() {
  const secrets = useSecretsQuery();
  const isAdmin = useCurrentMember().covers('admin');
  const [creating, createDialog] = useDisclosure(false);
  const [rotating, setRotating] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <SettingsHeading id="secrets-heading" title="Secrets">
          Reference a secret in auth data, variables, headers and bodies as <code>$Token{'{KEY}'}</code>: the copy icon next to each key puts
          that reference on the clipboard. Values are write-only; runs resolve them.
        </SettingsHeading>
        <NeedsRole role="admin">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={createDialog.open}>
            Create secret
          </Button>
        </NeedsRole>
      </Group>
      <NeedsRole role="admin" notice="create, rotate or delete secrets" />
      <QueryContent query={secrets} loadingLabel="Loading secrets" errorTitle="Could not load the secrets" empty="No secrets yet. Create one to reference it as $Token{KEY}.">
        {(list) => <SecretsTable secrets={list} labelledBy="secrets-heading" manage={isAdmin ? { onRotate: setRotating, onDelete: setDeleting } : undefined} />}
      </QueryContent>
      <CreateSecretModal opened={creating} onClose={createDialog.close} existingKeys={secrets.data?.map((secret) => secret.key) ?? []} />
      <RotateSecretModal secretKey={rotating} onClose={() => setRotating(null)} />
      <DeleteSecretModal secretKey={deleting} onClose={() => setDeleting(null)} />
    </Stack>
  );
}
