import { Code, Stack, Text, Title } from '@mantine/core';
import type { AppAction } from '@switchboard/sdk';
import { useAppActionQuery } from '../../api/apps';
import { QueryContent } from '../../components/query-content';

const SCHEMA_PARTS = [
  ['params', 'Path parameters'],
  ['query', 'Query'],
  ['headers', 'Headers'],
  ['body', 'Body'],
  ['responses', 'Responses'],
] as const satisfies readonly (readonly [keyof AppAction['schema'], string])[];

/** One action whole, fetched when its row is opened: description and each input schema as JSON. */
export function ActionDetails({ app, action }: { app: string; action: string }) {
  const query = useAppActionQuery(app, action);
  return (
    <QueryContent query={query} loadingLabel={`Loading action ${action}`} errorTitle={`Could not load action ${action}`}>
      {(details) => <ActionSchemas action={details} />}
    </QueryContent>
  );
}

function ActionSchemas({ action }: { action: AppAction }) {
  const parts = SCHEMA_PARTS.filter(([part]) => action.schema[part] !== undefined);
  return (
    <Stack gap="sm">
      {action.description === '' ? null : <Text size="sm">{action.description}</Text>}
      {parts.length === 0 ? (
        <Text size="sm" c="dimmed">
          This action declares no input schema: runs send its input unchecked.
        </Text>
      ) : null}
      {parts.map(([part, label]) => (
        <Stack key={part} gap={4} component="figure" m={0} aria-label={`${label} schema of ${action.tag}`}>
          <Title order={4} size="h6">
            {label}
          </Title>
          <Code block>{JSON.stringify(action.schema[part], null, 2)}</Code>
        </Stack>
      ))}
    </Stack>
  );
}
