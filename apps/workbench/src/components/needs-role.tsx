import { Alert, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useCurrentMember, type NeededRole } from '../api/members';

const WHO_MAY: Record<NeededRole, { title: string; who: string }> = {
  viewer: { title: 'Members only', who: 'members' },
  developer: { title: 'Developers and admins only', who: 'developers, admins and the owner' },
  admin: { title: 'Admins only', who: 'admins and the owner' },
};

interface NeedsRoleProps {
  role: NeededRole;
  /**
   * What it lets a member do ("create products"): a member whose role does not cover it is told that, and who may.
   * Without it, what it wraps is only hidden from them (the page says so once, elsewhere).
   */
  notice?: string;
  /** What is offered to the roles that may; without it, the notice alone (for a page that hides several buttons). */
  children?: ReactNode;
}

/**
 * What only some roles may do, shown to those roles, so no one is offered a button the API refuses with 403; to the
 * others it is hidden or replaced by its notice. Nothing shows until the member's role is known.
 */
export function NeedsRole({ role, notice, children }: NeedsRoleProps) {
  const current = useCurrentMember();
  if (current.covers(role)) return children ?? null;
  if (notice === undefined || current.member === undefined) return null;
  const { title, who } = WHO_MAY[role];
  return (
    <Alert color="gray" variant="light" title={title} icon={<IconLock aria-hidden />}>
      <Text size="sm">
        Only {who} can {notice}; your role is {current.member.role}. Ask a workspace admin if you need it.
      </Text>
    </Alert>
  );
}
