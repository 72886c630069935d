import type { MemberRole } from '@switchboard/sdk';

/** The roles an admin may give, in the order a select lists them, with what each may do. */
export const ASSIGNABLE_ROLE_OPTIONS: readonly { value: Exclude<MemberRole, 'owner'>; label: string }[] = [
  { value: 'viewer', label: 'Viewer: reads' },
  { value: 'developer', label: 'Developer: also runs actions, manages apps, connections, webhooks' },
  { value: 'admin', label: 'Admin: also manages secrets, members and keys' },
];

const ROLE_NAMES: Record<MemberRole, string> = { viewer: 'Viewer', developer: 'Developer', admin: 'Admin', owner: 'Owner' };

export function roleName(role: MemberRole): string {
  return ROLE_NAMES[role];
}
