import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateSecretInput, SecretAuditFilters } from '@switchboard/sdk';
import { useSwitchboard } from './session';

/** Query keys of secrets: `all` prefixes the list and every audit page, since any change adds an audit entry. */
export const secretKeys = {
  all: ['secrets'] as const,
  list: () => [...secretKeys.all, 'list'] as const,
  audit: (filters: SecretAuditFilters) => [...secretKeys.all, 'audit', filters] as const,
};

/**
 * Reads a typed secret value from its input at the moment the request is made. Mutations take this instead of the value,
 * so the value is never a mutation variable (which TanStack Query keeps in its mutation cache) nor React state.
 */
export type SecretValueReader = () => string;

/** The workspace's secrets: metadata only (`GET /v1/secrets` never carries a value). */
export function useSecretsQuery() {
  const switchboard = useSwitchboard();
  return useQuery({ queryKey: secretKeys.list(), queryFn: () => switchboard.secrets.fetchAll() });
}

/** The audit trail, newest first; a larger `limit` keeps the rows already shown while the longer page loads. */
export function useSecretAuditQuery(filters: SecretAuditFilters) {
  const switchboard = useSwitchboard();
  return useQuery({ queryKey: secretKeys.audit(filters), queryFn: () => switchboard.secrets.audit(filters), placeholderData: keepPreviousData });
}

export interface CreateSecretVariables {
  secret: Omit<CreateSecretInput, 'value'>;
  readValue: SecretValueReader;
}

/** Creates a secret; its form shows the API's errors beside the fields they name. */
export function useCreateSecretMutation() {
  const switchboard = useSwitchboard();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ secret, readValue }: CreateSecretVariables) => switchboard.secrets.create({ ...secret, value: readValue() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: secretKeys.all }),
    meta: { errorsShownInline: true },
  });
}

/** Replaces a secret's value under a new version. */
export function useRotateSecretMutation() {
  const switchboard = useSwitchboard();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, readValue }: { key: string; readValue: SecretValueReader }) => switchboard.secrets.rotate(key, readValue()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: secretKeys.all }),
    meta: { errorsShownInline: true },
  });
}

/** Deletes a secret and every stored version of its value. */
export function useDeleteSecretMutation() {
  const switchboard = useSwitchboard();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => switchboard.secrets.delete(key),
    // Not awaited: the refetched list drops the secret, which unmounts its page, and the caller's onSuccess (leaving
    // that page) must run before, or it never runs.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: secretKeys.all }),
    meta: { errorsShownInline: true },
  });
}
