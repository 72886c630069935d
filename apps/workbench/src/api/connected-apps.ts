import { useQuery } from '@tanstack/react-query';
import { useSwitchboard } from './session';

/** Query keys of connected apps, per product: `all` prefixes every product's list. */
export const connectedAppKeys = {
  all: ['connected-apps'] as const,
  list: (product: string) => [...connectedAppKeys.all, 'list', product] as const,
};

/**
 * The apps connected to `product` (none asked while it is undefined). Through `product.appsOf`, never `init`: the
 * client is shared by every page, so a selection would race.
 */
export function useConnectedAppsQuery(product: string | undefined) {
  const switchboard = useSwitchboard();
  return useQuery({
    queryKey: connectedAppKeys.list(product ?? ''),
    queryFn: () => switchboard.product.appsOf(product ?? '').fetchAll(),
    enabled: product !== undefined,
  });
}
