/**
 * What a workspace member may do, each role including the ones below it: viewers read; developers also run actions
 * and manage apps, products, connections, webhooks and imports; admins also manage secrets, members and keys; the
 * owner (the workspace's creator, one per workspace) is an admin no one else can remove or demote.
 */
export enum Role {
  Viewer = 'viewer',
  Developer = 'developer',
  Admin = 'admin',
  Owner = 'owner',
}

const RANKS: Record<Role, number> = { [Role.Viewer]: 0, [Role.Developer]: 1, [Role.Admin]: 2, [Role.Owner]: 3 };

/** Whether a member of role `held` may do what needs `needed`. */
export function roleCovers(held: Role, needed: Role): boolean {
  return RANKS[held] >= RANKS[needed];
}

/** The roles an admin may give a member: ownership is the creator's and is not handed out by a call. */
export const ASSIGNABLE_ROLES = [Role.Viewer, Role.Developer, Role.Admin] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && value in RANKS;
}

/**
 * The NATS header the gateway stamps on every request it sends for an authenticated caller, so each service checks
 * the caller's role against {@link SUBJECT_ROLES} itself and does not rest on the gateway's routes alone.
 */
export const CALLER_ROLE_HEADER = 'switchboard-caller-role';
