import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { SwitchboardError, type RunRecord, type RunRecordFilters } from '@switchboard/sdk';
import { useSwitchboard } from './session';

/** Run records per page; the API's default. */
export const RUNS_PAGE_SIZE = 50;

/** What the run log can be filtered by: the API's filters (`before` is the time range's end) and a start it cannot. */
export interface RunLogFilters extends Omit<RunRecordFilters, 'limit'> {
  /** Only runs created at or after this instant (ISO 8601). */
  since?: string;
}

/** Query keys of run records: `all` prefixes the log's pages and every record. */
export const runKeys = {
  all: ['runs'] as const,
  list: (filters: RunLogFilters) => [...runKeys.all, 'list', filters] as const,
  detail: (runId: string) => [...runKeys.all, 'detail', runId] as const,
};

/**
 * The run log, newest first, a page at a time: each next page starts before the last record's `created_at`. The API
 * has no lower time bound, but the log is newest first, so `since` is exact by cutting: records older than it are left
 * out and no page after the first one reaching past it is asked for.
 */
export function useRunLogQuery(filters: RunLogFilters) {
  const switchboard = useSwitchboard();
  const { since, ...apiFilters } = filters;
  const sinceMs = since === undefined ? undefined : Date.parse(since);
  const inRange = (run: RunRecord) => sinceMs === undefined || Date.parse(run.created_at) >= sinceMs;
  return useInfiniteQuery({
    queryKey: runKeys.list(filters),
    queryFn: ({ pageParam }) => switchboard.actions.runs.list({ ...apiFilters, before: pageParam, limit: RUNS_PAGE_SIZE }),
    initialPageParam: apiFilters.before,
    getNextPageParam: (page) => {
      const last = page.at(-1);
      return page.length < RUNS_PAGE_SIZE || last === undefined || !inRange(last) ? undefined : last.created_at;
    },
    select: (data) => data.pages.flat().filter(inRange),
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
