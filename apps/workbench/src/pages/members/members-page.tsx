import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { CreatedMember, Member } from '@switchboard/sdk';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { isOwner, useCurrentMember, useMembersQuery } from '../../api/members';
import { paths } from '../../app/paths';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DataTable, TagText, type Column } from '../../components/data-table';
import { IssuedKeyModal, type IssuedKey } from '../../components/issued-key-modal';
import { NeedsRole } from '../../components/needs-role';
import { QueryContent } from '../../components/query-content';
import { usePageTitle } from '../../components/use-page-title';
import { AddMemberModal } from './add-member-modal';
import { MemberRoleSelect } from './member-role-select';
import { RemoveMemberModal } from './remove-member-modal';
import { roleName } from './role-labels';
import { SettingsHeading } from '../../components/settings-heading';

/** Workspace settings → Members: everyone reads the list; admins add members, change roles and remove members. */
export function MembersPage() {
  usePageTitle('Members');
  const members = useMembersQuery();
  const current = useCurrentMember();
  const isAdmin = current.covers('admin');
  const [adding, addDialog] = useDisclosure(false);
  const [issued, setIssued] = useState<IssuedKey | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [roleError, setRoleError] = useState<Error | null>(null);

  const added = (member: CreatedMember) => {
    addDialog.close();
    setIssued({
      title: `${member.name} added`,
      workspaceId: member.workspace_id,
      userId: member.user_id,
      keyName: member.key.name,
      keyId: member.key.key_id,
      privateKey: member.key.private_key,
    });
  };

  const columns: Column<Member>[] = [
    {
      header: 'Name',
      cell: (member) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm">{member.name}</Text>
          {member.user_id === current.userId ? (
            <Badge size="sm" variant="light" color="gray">
              you
            </Badge>
          ) : null}
        </Group>
      ),
    },
    {
      header: 'Role',
      cell: (member) =>
        isAdmin && !isOwner(member) ? <MemberRoleSelect member={member} onError={setRoleError} /> : <Text size="sm">{roleName(member.role)}</Text>,
    },
    { header: 'User id', cell: (member) => <TagText>{member.user_id}</TagText> },
    { header: 'Added', cell: (member) => <Text size="sm">{new Date(member.created_at).toLocaleString()}</Text> },
    {
      header: 'API keys',
      cell: (member) =>
        member.user_id === current.userId ? (
          <Anchor component={Link} to={paths.ownApiKeys} size="sm">
            Your keys
          </Anchor>
        ) : isAdmin ? (
          <Anchor component={Link} to={paths.memberApiKeys(member.user_id)} size="sm" aria-label={`API keys of ${member.name}`}>
            Keys
          </Anchor>
        ) : null,
    },
  ];
  if (isAdmin) {
    columns.push({
      header: 'Manage',
      cell: (member) =>
        isOwner(member) ? (
          <Text size="xs" c="dimmed">
            The owner stays
          </Text>
        ) : (
          <Button size="xs" variant="light" color="red" onClick={() => setRemoving(member)} aria-label={`Remove ${member.name}`}>
            Remove
          </Button>
        ),
    });
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <SettingsHeading id="members-heading" title="Members">
          Viewers read; developers also run actions and manage apps, products, connections, webhooks and imports; admins also manage secrets,
          members and keys. The owner, who created the workspace, cannot be demoted or removed.
        </SettingsHeading>
        {isAdmin ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={addDialog.open}>
            Add member
          </Button>
        ) : null}
      </Group>
      <NeedsRole role="admin" notice="add members, change their roles or remove them, and manage their keys" />
      {roleError === null ? null : <ApiErrorAlert title="Could not change the role" error={roleError} />}
      <QueryContent query={members} loadingLabel="Loading members" errorTitle="Could not load the members">
        {(list) => <DataTable labelledBy="members-heading" rows={list} columns={columns} rowKey={(member) => member.user_id} minWidth={860} />}
      </QueryContent>
      <AddMemberModal opened={adding} onClose={addDialog.close} onAdded={added} />
      <IssuedKeyModal issued={issued} onClose={() => setIssued(null)} />
      <RemoveMemberModal member={removing} isSelf={removing?.user_id === current.userId} onClose={() => setRemoving(null)} />
    </Stack>
  );
}
