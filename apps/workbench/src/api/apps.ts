import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateAppInput } from '@switchboard/sdk';
import { useSwitchboard } from './session';

/** Query keys of the workspace's apps: `all` prefixes every app query. */
export const appKeys = {
  all: ['apps'] as const,
  list: () => [...appKeys.all, 'list'] as const,
  detail: (tag: string) => [...appKeys.all, 'detail', tag] as const,
  action: (tag: string, action: string) => [...appKeys.detail(tag), 'action', action] as const,
  templateUpdate: (tag: string) => [...appKeys.detail(tag), 'template-update'] as const,
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

/** What updating an app installed from a template to the template's newest version would change (asked only while `enabled`). */
export function useTemplateUpdatePreviewQuery(tag: string, enabled: boolean) {
  const switchboard = useSwitchboard();
  return useQuery({ queryKey: appKeys.templateUpdate(tag), queryFn: () => switchboard.marketplace.previewUpdate(tag), enabled });
}

/** Updates an app to its template's newest version; the app, its actions and its preview are asked again. */
export function useApplyTemplateUpdateMutation() {
  const switchboard = useSwitchboard();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tag: string) => switchboard.marketplace.applyUpdate(tag),
    onSuccess: (app) => queryClient.invalidateQueries({ queryKey: appKeys.detail(app.tag) }),
  });
}
