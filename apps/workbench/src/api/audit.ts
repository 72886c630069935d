import { useInfiniteQuery } from '@tanstack/react-query';
import { useSwitchboard } from './session';

/** Audit events per page; the API's default. */
export const AUDIT_PAGE_SIZE = 50;

export const auditKeys = {
  all: ['audit-events'] as const,
};

/** The administrative audit log (admins only), newest first: each next page starts before the last event's id. */
export function useAuditLogQuery() {
  const switchboard = useSwitchboard();
  return useInfiniteQuery({
    queryKey: auditKeys.all,
    queryFn: ({ pageParam }) => switchboard.audit.fetch({ limit: AUDIT_PAGE_SIZE, ...(pageParam === undefined ? {} : { before: pageParam }) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => (page.length < AUDIT_PAGE_SIZE ? undefined : page.at(-1)?.event_id),
    select: (data) => data.pages.flat(),
    // Every change a member makes adds an event: the log is asked again whenever it is shown.
    staleTime: 0,
  });
}
