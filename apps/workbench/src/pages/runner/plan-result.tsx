import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ActionPlan } from '@switchboard/sdk';
import { IconCheck, IconX } from '@tabler/icons-react';
import { HeadersTable } from '../../components/headers-table';
import { JsonView } from '../../components/json-view';

/** `actions.plan`'s answer: the request exactly as a run would send it, references unresolved, and every check. */
export function PlanResult({ plan }: { plan: ActionPlan }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="plan-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="plan-heading">
            Plan
          </Title>
          <Badge color={plan.would_run ? 'teal.9' : 'red.9'} tt="none">
            {plan.would_run ? 'Would run' : 'Would not run'}
          </Badge>
        </Group>
        {plan.request === null ? (
          <Text size="sm">No request: the run would stop before its target is known.</Text>
        ) : (
          <>
            <Text ff="monospace" size="sm" style={{ wordBreak: 'break-all' }}>
              {plan.request.method} {plan.request.url}
            </Text>
            <HeadersTable headers={plan.request.headers} label="Planned request headers" />
            {plan.request.body === undefined || plan.request.body === null ? null : <JsonView value={plan.request.body} label="Planned request body" />}
          </>
        )}
        <Table.ScrollContainer minWidth={480}>
          <Table aria-label="Checks" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Check</Table.Th>
                <Table.Th>Outcome</Table.Th>
                <Table.Th>Message</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.checks.map((check, index) => (
                <Table.Tr key={`${check.check}-${index}`}>
                  <Table.Td>{check.check}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {check.ok ? <IconCheck size={16} color="var(--mantine-color-teal-9)" aria-hidden /> : <IconX size={16} color="var(--mantine-color-red-9)" aria-hidden />}
                      <Text size="sm">{check.ok ? 'Pass' : 'Fail'}</Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {check.code === undefined ? null : <code>{check.code}</code>} {check.message ?? ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}
