import { Alert, Anchor, DataList, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { RunRecord } from '@switchboard/sdk';
import { Link, useParams } from 'react-router';
import { useRunQuery } from '../../api/runs';
import { HeadersTable } from '../../components/headers-table';
import { JsonView } from '../../components/json-view';
import { DetailItem } from '../../components/detail-item';
import { QueryContent } from '../../components/query-content';
import { RunStatusBadge } from './run-status-badge';

const TIMING_LABELS: Record<keyof RunRecord['timings'], string> = {
  queue_ms: 'Queue',
  resolve_ms: 'Resolve (target and secrets)',
  connect_ms: 'Connect (DNS and address policy)',
  upstream_ms: 'Upstream',
  total_ms: 'Total',
};

/** One run record: the request as written (references, never values), secret versions, timings, error, attempts. */
export function RunDetailPage() {
  const { run = '' } = useParams();
  const record = useRunQuery(run);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/runs" size="sm">
        ← Runs
      </Anchor>
      <QueryContent query={record} loadingLabel="Loading the run" errorTitle="Could not load the run">
        {(loaded) => <RunDetail run={loaded} />}
      </QueryContent>
    </Stack>
  );
}

function RunDetail({ run }: { run: RunRecord }) {
  const secretVersions = Object.entries(run.secret_versions);
  return (
    <>
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={1}>
            Run of <code>{run.event}</code>
          </Title>
          <RunStatusBadge status={run.status} />
        </Group>
        <Text size="sm" c="dimmed" ff="monospace">
          {run.run_id}
        </Text>
      </Stack>
      {run.error_code === null && run.error_message === null ? null : (
        <Alert color="red" variant="light" title={run.error_code ?? 'Error'}>
          {run.error_message}
        </Alert>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="run-summary-heading">
        <Title order={2} size="h4" id="run-summary-heading" mb="sm">
          Summary
        </Title>
        <DataList labelWidth={160}>
          <DetailItem label="Product">{run.product}</DetailItem>
          <DetailItem label="Connected app">
            <code>{run.access_tag}</code>
            {run.app === null ? '' : ` (app ${run.app})`}
          </DetailItem>
          <DetailItem label="Environment">{run.env}</DetailItem>
          <DetailItem label="Started">{new Date(run.created_at).toLocaleString()}</DetailItem>
          <DetailItem label="HTTP status">{run.http_status ?? 'No answer'}</DetailItem>
          <DetailItem label="Attempts">
            {run.attempts} of {run.max_attempts}
            {run.max_attempts > 1 ? ' (dispatched)' : ''}
          </DetailItem>
        </DataList>
      </Paper>
      <Stack component="section" aria-labelledby="run-request-heading" gap="sm">
        <Title order={2} size="h3" id="run-request-heading">
          Request as written
        </Title>
        <Text ff="monospace" size="sm" style={{ wordBreak: 'break-all' }}>
          {run.request.method ?? '—'} {run.request.url ?? '(the run failed before its target was known)'}
        </Text>
        <HeadersTable headers={run.request.headers} label="Request headers" />
        {run.request.body === undefined || run.request.body === null ? null : <JsonView value={run.request.body} label="Request body" />}
      </Stack>
      <Stack component="section" aria-labelledby="run-secrets-heading" gap="sm">
        <Title order={2} size="h3" id="run-secrets-heading">
          Secret versions used
        </Title>
        {secretVersions.length === 0 ? (
          <Text size="sm" c="dimmed">
            None
          </Text>
        ) : (
          <Table aria-label="Secret versions used" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Secret</Table.Th>
                <Table.Th>Version</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {secretVersions.map(([key, version]) => (
                <Table.Tr key={key}>
                  <Table.Td>
                    <Anchor component={Link} to={`/settings/secrets/${key}`} ff="monospace" size="sm">
                      {key}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{version}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Stack component="section" aria-labelledby="run-timings-heading" gap="sm">
        <Title order={2} size="h3" id="run-timings-heading">
          Timings
        </Title>
        <Table aria-label="Timings" verticalSpacing={4} maw={480}>
          <Table.Tbody>
            {Object.entries(TIMING_LABELS).map(([phase, label]) => {
              const ms = run.timings[phase as keyof RunRecord['timings']];
              return (
                <Table.Tr key={phase}>
                  <Table.Th scope="row">{label}</Table.Th>
                  <Table.Td>{ms === null ? 'Not reached' : `${ms} ms`}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
    </>
  );
}
