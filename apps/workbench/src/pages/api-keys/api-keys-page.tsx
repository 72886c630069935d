import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ApiKey, IssuedApiKey } from '@switchboard/sdk';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApiKeysQuery, useCurrentMember, useMembersQuery } from '../../api/members';
import { useSwitchboard } from '../../api/session';
import { paths } from '../../app/paths';
import { DataTable, TagText, type Column } from '../../components/data-table';
import { IssuedKeyModal, type IssuedKey } from '../../components/issued-key-modal';
import { NeedsRole } from '../../components/needs-role';
import { QueryContent } from '../../components/query-content';
import { usePageTitle } from '../../components/use-page-title';
import { Expiry } from '../secrets/secret-usage-rules';
import { CreateApiKeyModal } from './create-api-key-modal';
import { RevokeApiKeyModal } from './revoke-api-key-modal';
import { RotateApiKeyModal } from './rotate-api-key-modal';
import { SettingsHeading } from '../../components/settings-heading';

function When({ at, none }: { at: string | null; none: string }) {
  return at === null ? (
    <Text size="sm" c="dimmed">
      {none}
    </Text>
  ) : (
    <Text size="sm">{new Date(at).toLocaleString()}</Text>
  );
}

const KEY_COLUMNS: readonly Column<ApiKey>[] = [
  { header: 'Name', cell: (key) => <Text size="sm">{key.name}</Text> },
  { header: 'Key id', cell: (key) => <TagText>{key.key_id}</TagText> },
  { header: 'Created', cell: (key) => <Text size="sm">{new Date(key.created_at).toLocaleString()}</Text> },
  { header: 'Expires', cell: (key) => <Expiry expiresAt={key.expires_at} /> },
  { header: 'Last used', cell: (key) => <When at={key.last_used_at} none="Not used yet" /> },
  { header: 'Rotated', cell: (key) => <When at={key.rotated_at} none="Never" /> },
];

/**
 * Workspace settings → API keys: the signed-in member's own keys at /settings/api-keys, another member's (for an
 * admin) at /settings/members/:member/keys. Create and rotate show the private key once; revoke asks first.
 */
export function ApiKeysPage() {
  const { member: memberParam } = useParams();
  const current = useCurrentMember();
  const userId = memberParam ?? current.userId;
  const own = userId === current.userId;
  const holder = useMembersQuery().data?.find((member) => member.user_id === userId);
  const title = own ? 'Your API keys' : `API keys of ${holder?.name ?? userId}`;
  usePageTitle(title);

  return (
    <Stack gap="lg">
      {own ? null : (
        <Anchor component={Link} to={paths.members} size="sm">
          ← Members
        </Anchor>
      )}
      {/* Every member manages their own keys; another member's are an admin's to manage. */}
      {own || current.covers('admin') ? (
        <ApiKeys userId={userId} title={title} />
      ) : current.member === undefined ? null : (
        <>
          <Title order={1}>{title}</Title>
          <NeedsRole role="admin" notice="manage another member's keys" />
        </>
      )}
    </Stack>
  );
}

function ApiKeys({ userId, title }: { userId: string; title: string }) {
  const workspaceId = useSwitchboard().session?.workspace_id ?? '';
  const keys = useApiKeysQuery(userId);
  const [creating, createDialog] = useDisclosure(false);
  const [rotating, setRotating] = useState<ApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [issued, setIssued] = useState<IssuedKey | null>(null);

  const show = (heading: string) => (key: IssuedApiKey) =>
    setIssued({ title: heading, workspaceId, userId: key.user_id, keyName: key.name, keyId: key.key_id, privateKey: key.private_key });
  const columns: readonly Column<ApiKey>[] = [
    ...KEY_COLUMNS,
    {
      header: 'Manage',
      cell: (key) => (
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="light" onClick={() => setRotating(key)} aria-label={`Rotate ${key.name}`}>
            Rotate
          </Button>
          <Button size="xs" variant="light" color="red" onClick={() => setRevoking(key)} aria-label={`Revoke ${key.name}`}>
            Revoke
          </Button>
        </Group>
      ),
    },
  ];

  return (
    <>
      <Group justify="space-between" align="flex-end">
        <SettingsHeading id="api-keys-heading" title={title}>
          A key calls the API as its member, with their role. Its private key is shown once, when it is created or rotated; a rotated or revoked
          key is refused at once on every gateway.
        </SettingsHeading>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={createDialog.open}>
          Create key
        </Button>
      </Group>
      <QueryContent query={keys} loadingLabel="Loading API keys" errorTitle="Could not load the API keys" empty="No API keys: create one to call the API.">
        {(list) => <DataTable labelledBy="api-keys-heading" rows={list} columns={columns} rowKey={(key) => key.key_id} minWidth={980} />}
      </QueryContent>
      <CreateApiKeyModal
        userId={userId}
        opened={creating}
        onClose={createDialog.close}
        onCreated={(key) => {
          createDialog.close();
          show('API key created')(key);
        }}
      />
      <RotateApiKeyModal apiKey={rotating} onClose={() => setRotating(null)} onRotated={show('API key rotated')} />
      <RevokeApiKeyModal apiKey={revoking} onClose={() => setRevoking(null)} />
      <IssuedKeyModal issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}
