import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MarketplaceListQuery } from '@switchboard/sdk';
import { appKeys } from './apps';
import { useSwitchboard } from './session';

/** Query keys of the marketplace: a listing page per query, a template per tag. */
export const marketplaceKeys = {
  all: ['marketplace'] as const,
  list: (query: MarketplaceListQuery) => [...marketplaceKeys.all, 'list', query] as const,
  detail: (tag: string) => [...marketplaceKeys.all, 'detail', tag] as const,
};

/** One page of templates; the previous page stays on screen while the next one loads. */
export function useMarketplaceQuery(query: MarketplaceListQuery) {
  const switchboard = useSwitchboard();
  return useQuery({ queryKey: marketplaceKeys.list(query), queryFn: () => switchboard.marketplace.list(query), placeholderData: keepPreviousData });
}

/** One template whole: the envs, auth schemes and actions it installs. */
export function useTemplateQuery(tag: string) {
  const switchboard = useSwitchboard();
  return useQuery({ queryKey: marketplaceKeys.detail(tag), queryFn: () => switchboard.marketplace.fetch(tag) });
}

export interface InstallTemplateVariables {
  template: string;
  /** The app's tag in the workspace; the template's by default. */
  tag?: string;
}

/** Installs a template as a workspace app; the form shows its errors beside the app tag. */
export function useInstallTemplateMutation() {
  const switchboard = useSwitchboard();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ template, tag }: InstallTemplateVariables) => switchboard.marketplace.install(template, tag === undefined ? {} : { tag }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appKeys.all }),
    meta: { errorsShownInline: true },
  });
}
