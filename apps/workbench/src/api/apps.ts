import { useQuery } from '@tanstack/react-query';
import { useSwitchboard } from './session';

/** Query keys of the workspace's apps: `all` prefixes every app query. */
export const appKeys = {
  all: ['apps'] as const,
  list: () => [...appKeys.all, 'list'] as const,
};

/** Every app of the workspace catalog. */
export function useAppsQuery() {
  const switchboard = useSwitchboard();
  return useQuery({ queryKey: appKeys.list(), queryFn: () => switchboard.app.fetchAll() });
}
