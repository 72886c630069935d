import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CreateApiKeyInput, CreateMemberInput, Member, MemberRole, UpdateMemberInput } from '@switchboard/sdk';
import { auditKeys } from './audit';
import { useSwitchboard } from './session';

/** Query keys of members: `all` prefixes the list and every member's keys. */
export const memberKeys = {
  all: ['members'] as const,
  list: () => [...memberKeys.all, 'list'] as const,
  apiKeys: (userId: string) => [...memberKeys.all, 'api-keys', userId] as const,
};

/** The roles a workbench action can need: nothing needs the owner, whose powers are an admin's. */
export type NeededRole = Exclude<MemberRole, 'owner'>;

// Each role includes the ones below it, as the contracts' roleCovers has it (the SDK carries the type, not the rule).
const ROLE_RANKS: Record<MemberRole, number> = { viewer: 0, developer: 1, admin: 2, owner: 3 };

/** Whether a member of role `held` may do what needs `needed` (else the API answers 403 `forbidden`). */
function roleCovers(held: MemberRole, needed: NeededRole): boolean {
  return ROLE_RANKS[held] >= ROLE_RANKS[needed];
}

/** The member no one can demote or remove (the API answers 409 `owner_protected`). */
export function isOwner(member: Member): boolean {
  // The SDK types the role as the contracts' enum; the workbench speaks its string values.
  const role: MemberRole = member.role;
  return role === 'owner';
}

/** The workspace's members (every member may read them). */
export function useMembersQuery() {
  const switchboard = useSwitchboard();
  return useQuery({ queryKey: memberKeys.list(), queryFn: () => switchboard.members.fetchAll() });
}

/** The signed-in member, found by the session's user id in the members list; what their role lets the pages offer. */
export interface CurrentMember {
  /** Undefined while the list loads, or if it failed. */
  member: Member | undefined;
  /** Whether their role covers `needed`: false until their role is known, so nothing is offered that may be refused. */
  covers: (needed: NeededRole) => boolean;
  userId: string;
  /** The members list it was found in, for its loading and error states. */
  members: ReturnType<typeof useMembersQuery>;
}

export function useCurrentMember(): CurrentMember {
  const switchboard = useSwitchboard();
  const members = useMembersQuery();
  const userId = switchboard.session?.user_id ?? '';
  const member = members.data?.find((candidate) => candidate.user_id === userId);
  return { member, covers: (needed) => member !== undefined && roleCovers(member.role, needed), userId, members };
}

// Every change below is an audit event, so the audit log is asked again with the list it changed.
function invalidateAfterChange(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: memberKeys.all });
  void queryClient.invalidateQueries({ queryKey: auditKeys.all });
}

/**
 * Options of a mutation whose reply holds a private key: the page takes the reply in its `onSuccess` into the modal
 * that shows it once and resets the mutation, and `gcTime: 0` drops it from the mutation cache as soon as it is reset.
 */
const ISSUES_A_KEY = { gcTime: 0, meta: { errorsShownInline: true } } as const;

/** Adds a member; the reply holds their first key. */
export function useCreateMemberMutation() {
  const switchboard = useSwitchboard();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateMemberInput) => switchboard.members.create(input),
    onSuccess: () => invalidateAfterChange(queryClient),
    ...ISSUES_A_KEY,
  });
}

export function useUpdateMemberMutation() {
  const switchboard = useSwitchboard();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, changes }: { userId: string; changes: UpdateMemberInput }) => switchboard.members.update(userId, changes),
    onSuccess: () => invalidateAfterChange(queryClient),
    meta: { errorsShownInline: true },
  });
}

/** Removes a member with their keys and sessions. */
export function useRemoveMemberMutation() {
  const switchboard = useSwitchboard();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => switchboard.members.remove(userId),
    onSuccess: () => invalidateAfterChange(queryClient),
    meta: { errorsShownInline: true },
  });
}

/** A member's API keys (their own, or anyone's for an admin): metadata, never a key. */
export function useApiKeysQuery(userId: string) {
  const switchboard = useSwitchboard();
  return useQuery({ queryKey: memberKeys.apiKeys(userId), queryFn: () => switchboard.members.keys.fetchAll(userId) });
}

export function useCreateApiKeyMutation() {
  const switchboard = useSwitchboard();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, input }: { userId: string; input: CreateApiKeyInput }) => switchboard.members.keys.create(userId, input),
    onSuccess: () => invalidateAfterChange(queryClient),
    ...ISSUES_A_KEY,
  });
}

export function useRotateApiKeyMutation() {
  const switchboard = useSwitchboard();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, keyId }: { userId: string; keyId: string }) => switchboard.members.keys.rotate(userId, keyId),
    onSuccess: () => invalidateAfterChange(queryClient),
    ...ISSUES_A_KEY,
  });
}

export function useRevokeApiKeyMutation() {
  const switchboard = useSwitchboard();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, keyId }: { userId: string; keyId: string }) => switchboard.members.keys.revoke(userId, keyId),
    onSuccess: () => invalidateAfterChange(queryClient),
    meta: { errorsShownInline: true },
  });
}
