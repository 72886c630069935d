import { Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Member, MemberRole } from '@switchboard/sdk';
import { useUpdateMemberMutation } from '../../api/members';
import { ASSIGNABLE_ROLE_OPTIONS, roleName } from './role-labels';

const SHORT_OPTIONS = ASSIGNABLE_ROLE_OPTIONS.map(({ value }) => ({ value, label: roleName(value) }));

interface MemberRoleSelectProps {
  member: Member;
  /** Takes the API's refusal (or null when a change starts), which the page shows above the table. */
  onError: (error: Error | null) => void;
}

/** An admin's control of a member's role (never the owner's): the change applies when picked. */
export function MemberRoleSelect({ member, onError }: MemberRoleSelectProps) {
  const update = useUpdateMemberMutation();
  const change = (value: string | null) => {
    const role = SHORT_OPTIONS.find((option) => option.value === value)?.value;
    const held: MemberRole = member.role;
    if (role === undefined || role === held) return;
    onError(null);
    update.mutate(
      { userId: member.user_id, changes: { role } },
      {
        onSuccess: (changed) => notifications.show({ color: 'green', title: 'Role changed', message: `${changed.name} is now ${roleName(changed.role)}.` }),
        onError,
      },
    );
  };
  return (
    <Select
      size="xs"
      w={140}
      aria-label={`Role of ${member.name}`}
      allowDeselect={false}
      data={SHORT_OPTIONS}
      value={member.role}
      onChange={change}
      disabled={update.isPending}
    />
  );
}
