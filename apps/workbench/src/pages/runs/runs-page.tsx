import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { RunRecord } from '@switchboard/sdk';
import { IconRefresh } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useCurrentMember } from '../../api/members';
import { useRunLogQuery, type RunLogFilters } from '../../api/runs';
import { useAddressFields } from '../../components/address-fields';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DataTable, TagText, type Column } from '../../components/data-table';
import { formErrorsOf } from '../../components/form-errors';
import { ListSkeleton } from '../../components/list-skeleton';
import { RunFilters } from './run-filters';
import { RunStatusBadge } from './run-status-badge';

const FILTER_PARAMS = ['product', 'app', 'status', 'after', 'before'] as const;

const RUN_COLUMNS: readonly Column<RunRecord>[] = [
  {
    header: 'When',
    cell: (run) => (
      <Anchor component={Link} to={`/runs/${run.run_id}`} size="sm" aria-label={`Run ${run.event} at ${new Date(run.created_at).toLocaleString()}`}>
        {new Date(run.created_at).toLocaleString()}
      </Anchor>
    ),
  },
  { header: 'Status', cell: (run) => <RunStatusBadge status={run.status} /> },
  { header: 'Product', cell: (run) => run.product },
  { header: 'Connected app', cell: (run) => <TagText>{run.access_tag}</TagText> },
  { header: 'Env', cell: (run) => run.env },
  { header: 'Action', cell: (run) => <TagText>{run.event}</TagText> },
  { header: 'HTTP', cell: (run) => run.http_status ?? '—' },
  { header: 'Total', cell: (run) => (run.timings.total_ms === null ? '—' : `${run.timings.total_ms} ms`) },
];

/** The run log, newest first, filtered by what the URL holds (so a filtered view can be shared or reloaded). */
export function RunsPage() {
  const [fields, setFilters] = useAddressFields(FILTER_PARAMS);
  const filters = fields as RunLogFilters;
  const runs = useRunLogQuery(filters);
  const { fields: errors, unplaced } = formErrorsOf<keyof RunLogFilters>(runs.error, { product: 'product', app: 'app', status: 'status', after: 'after', before: 'before' });

  // The runner is a developer's: a viewer is not pointed at it.
  const current = useCurrentMember();

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1} id="runs-heading">
          Runs
        </Title>
        <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => void runs.refetch()} loading={runs.isRefetching}>
          Refresh
        </Button>
      </Group>
      <Paper withBorder p="md">
        <RunFilters filters={filters} onChange={setFilters} errors={errors} />
      </Paper>
      {runs.isPending ? (
        <ListSkeleton label="Loading runs" />
      ) : runs.data === undefined ? (
        unplaced === undefined ? null : <ApiErrorAlert title="Could not load the runs" error={unplaced} onRetry={runs.refetch} />
      ) : runs.data.length === 0 ? (
        <Paper withBorder p="md">
          <Text c="dimmed">No runs {Object.keys(filters).length > 0 ? 'match these filters' : current.covers('developer') ? 'yet: run an action from the action runner' : 'yet'}.</Text>
        </Paper>
      ) : (
        <>
          <DataTable labelledBy="runs-heading" rows={runs.data} columns={RUN_COLUMNS} rowKey={(run) => run.run_id} minWidth={900} />
          {runs.hasNextPage ? (
            <Group>
              <Button variant="default" onClick={() => void runs.fetchNextPage()} loading={runs.isFetchingNextPage}>
                Load older runs
              </Button>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {runs.data.length} run{runs.data.length === 1 ? '' : 's'}: the whole log for these filters.
            </Text>
          )}
          {runs.isFetchNextPageError ? <ApiErrorAlert title="Could not load older runs" error={runs.error} onRetry={runs.fetchNextPage} /> : null}
        </>
      )}
    </Stack>
  );
}

