import { useQuery } from '@tanstack/react-query';
import { useSwitchboard } from './session';

/** Query keys of workspace secrets (metadata only: no query ever holds a value). */
export const secretKeys = {
  all: ['secrets'] as const,
  list: () => [...secretKeys.all, 'list'] as const,
};

/** The workspace's secrets, metadata only. */
export function useSecretsQuery() {
  const switchboard = useSwitchboard();
  return useQuery({ queryKey: secretKeys.list(), queryFn: () => switchboard.secrets.fetchAll() });
}
