import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateAppInput } from '@switchboard/sdk';
import { useSwitchboard } from './session';

/** Query keys of the workspace's apps: `all` prefixes every app query. */
export const appKeys = {
  all: ['apps'] as const,
  list: () => [...appKeys.all, 'list'] as const,
  detail: (tag: string) => [...appKeys.all, 'detail', tag] as const,
  action: (tag: string, action: string) => [...appKeys.detail(tag), 'action', action] as const,
};

/** Every app of the workspace catalog. */
export function useAppsQuery() {
  const switchboard = useSwitchboard();
  return useQuery({ queryKey: appKeys.list(), queryFn: () => switchboard.app.fetchAll() });
}

/** One app with its envs, auth schemes and action summaries (none asked while `tag` is undefined). */
export function useAppQuery(tag: string | undefined) {
  const switchboard = useSwitchboard();
  return useQuery({ queryKey: appKeys.detail(tag ?? ''), queryFn: () => switchboard.app.fetch(tag ?? ''), enabled: tag !== undefined });
}

/** One action whole, its JSON Schemas included (none asked until both tags are known). */
export function useAppActionQuery(tag: string | undefined, action: string | undefined) {
  const switchboard = useSwitchboard();
  return useQuery({
    queryKey: appKeys.action(tag ?? '', action ?? ''),
    queryFn: () => switchboard.app.actions.fetch(tag ?? '', action ?? ''),
    enabled: tag !== undefined && action !== undefined,
  });
}

/** Registers an app (`POST /v1/apps`); the form shows its errors beside the fields they name. */
export function useCreateAppMutation() {
  const switchboard = useSwitchboard();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateAppInput) => switchboard.app.create(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appKeys.all }),
    meta: { errorsShownInline: true },
  });
}
