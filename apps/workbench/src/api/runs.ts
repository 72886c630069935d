import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { SwitchboardError, type RunRecordFilters } from '@switchboard/sdk';
import { useSwitchboard } from './session';

/** Run records per page; the API's default. */
export const RUNS_PAGE_SIZE = 50;

/** What the run log can be filtered by: the API's filters, `after` and `before` making its time range. */
export type RunLogFilters = Omit<RunRecordFilters, 'limit'>;

/** Query keys of run records: `all` prefixes the log's pages and every record. */
export const runKeys = {
  all: ['runs'] as const,
  list: (filters: RunLogFilters) => [...runKeys.all, 'list', filters] as const,
  detail: (runId: string) => [...runKeys.all, 'detail', runId] as const,
};

/** The run log, newest first, a page at a time: each next page starts before the last record's `created_at`. */
export function useRunLogQuery(filters: RunLogFilters) {
  const switchboard = useSwitchboard();
  return useInfiniteQuery({
    queryKey: runKeys.list(filters),
    queryFn: ({ pageParam }) => switchboard.actions.runs.list({ ...filters, before: pageParam, limit: RUNS_PAGE_SIZE }),
    initialPageParam: filters.before,
    getNextPageParam: (page) => (page.length < RUNS_PAGE_SIZE ? undefined : page.at(-1)?.created_at),
    select: (data) => data.pages.flat(),
    // Runs are added all the time: the log is asked again whenever it is shown.
    staleTime: 0,
  });
}

const RECORD_WAITS = 10;

/**
 * One run record. A run's record is written shortly after its reply, in a batch, so a `run_not_found` right after the
 * runner's run is asked again a few times before it is shown.
 */
export function useRunQuery(runId: string) {
  const switchboard = useSwitchboard();
  return useQuery({
    queryKey: runKeys.detail(runId),
    queryFn: () => switchboard.actions.runs.fetch(runId),
    retry: (failures, error) => {
      if (!(error instanceof SwitchboardError)) return failures < 2;
      return error.code === 'run_not_found' ? failures < RECORD_WAITS : error.status >= 500 && failures < 2;
    },
    retryDelay: 300,
  });
}
