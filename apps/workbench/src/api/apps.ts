import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateAppInput } from '@switchboard/sdk';
import { useSwitchboard } from './session';

/** Query keys of the workspace's apps: `all` prefixes every app query, `detail(tag)` an app and its actions. */
export const appKeys = {
  all: ['apps'] as const,
  list: () => [...appKeys.all, 'list'] as const,
  detail: (tag: string) => [...appKeys.all, 'detail', tag] as const,
  action: (app: string, action: string) => [...appKeys.detail(app), 'action', action] as const,
};

/** Every app of the workspace catalog. */
export function useAppsQuery() {
  const switchboard = useSwitchboard();
  return useQuery({ queryKey: appKeys.list(), queryFn: () => switchboard.app.fetchAll() });
}

/** One app with its envs, auth schemes and action summaries. */
export function useAppQuery(tag: string) {
  const switchboard = useSwitchboard();
  return useQuery({ queryKey: appKeys.detail(tag), queryFn: () => switchboard.app.fetch(tag) });
}

/** One action of an app whole: description and JSON Schemas. */
export function useAppActionQuery(app: string, action: string) {
  const switchboard = useSwitchboard();
  return useQuery({ queryKey: appKeys.action(app, action), queryFn: () => switchboard.app.actions.fetch(app, action) });
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
