import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ActionRunResult } from '@switchboard/sdk';
import { Link } from 'react-router';
import { HeadersTable } from '../../components/headers-table';
import { JsonView } from '../../components/json-view';

/** `actions.run`'s answer: the upstream's status, headers and body whatever the status, the timings, and its record. */
export function RunResult({ result }: { result: ActionRunResult }) {
  const ok = result.status < 400;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="run-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="run-heading">
            Response
          </Title>
          <Badge color={ok ? 'teal.9' : 'red.9'} tt="none">
            HTTP {result.status}
          </Badge>
        </Group>
        <Text size="sm">
          Resolve {result.timings.resolve_ms} ms · upstream {result.timings.upstream_ms} ms · total {result.timings.total_ms} ms
        </Text>
        <Anchor component={Link} to={`/runs/${result.run_id}`} size="sm">
          Open run {result.run_id}
        </Anchor>
        <HeadersTable headers={result.headers} label="Response headers" />
        <JsonView value={result.body} label="Response body" />
      </Stack>
    </Paper>
  );
}
