import { Badge, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { AppEnv, ConnectedAppEnv } from '@switchboard/sdk';
import { DataTable, TagText, type Column } from '../../components/data-table';

interface AuthRow {
  auth_tag: string;
  field: string;
  value: string;
}

const VARIABLE_COLUMNS: readonly Column<ConnectedAppEnv['variables'][number]>[] = [
  { header: 'Key', cell: (variable) => <TagText>{variable.key}</TagText> },
  { header: 'Value', cell: (variable) => <TagText>{variable.value}</TagText> },
];

const AUTH_COLUMNS: readonly Column<AuthRow>[] = [
  { header: 'Scheme', cell: (row) => <TagText>{row.auth_tag}</TagText> },
  { header: 'Field', cell: (row) => <TagText>{row.field}</TagText> },
  { header: 'Value as written', cell: (row) => <TagText>{row.value}</TagText> },
];

// Where runs in this env go: the override, else the app env's base URL (said in words until the app has loaded).
function EffectiveBaseUrl({ env, appEnv }: { env: ConnectedAppEnv; appEnv: AppEnv | null | undefined }) {
  if (env.base_url !== null) {
    return (
      <>
        <Code>{env.base_url}</Code> (override{appEnv ? <>, instead of the app env's <Code>{appEnv.base_url}</Code></> : ''})
      </>
    );
  }
  if (appEnv === undefined) return <>of the app env</>;
  if (appEnv === null) return <>none: the app has no env {env.app_env_slug} and no override is set, so runs here fail</>;
  return (
    <>
      <Code>{appEnv.base_url}</Code> (the app env's)
    </>
  );
}

function authRowsOf(env: ConnectedAppEnv): AuthRow[] {
  return env.auth.flatMap(({ auth_tag, data }) => Object.entries(data).map(([field, value]) => ({ auth_tag, field, value: String(value) })));
}

interface ConnectionEnvCardProps {
  env: ConnectedAppEnv;
  productEnvName: string | undefined;
  /** The app env it maps to, whose base URL runs use without an override: undefined until the app is loaded, null when it has none of that slug. */
  appEnv: AppEnv | null | undefined;
}

/** One product env of a connection: where it goes, and its variables and auth data as written (references unresolved). */
export function ConnectionEnvCard({ env, productEnvName, appEnv }: ConnectionEnvCardProps) {
  const headingId = `connection-env-${env.product_env_slug}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id={headingId}>
            {productEnvName ?? env.product_env_slug} → {env.app_env_slug}
          </Title>
          <Badge variant="light" color={env.active ? 'indigo' : 'gray'}>
            {env.active ? 'Active' : 'Inactive'}
          </Badge>
        </Group>
        <Text size="sm">
          Product env <Code>{env.product_env_slug}</Code>, app env <Code>{env.app_env_slug}</Code>
          {env.request_type === null ? '' : `, ${env.request_type} requests`}
        </Text>
        <Text size="sm">
          Base URL <EffectiveBaseUrl env={env} appEnv={appEnv} />
        </Text>
        <Title order={4} size="h6" id={`${headingId}-variables`}>
          Variables
        </Title>
        {env.variables.length === 0 ? (
          <Text size="sm" c="dimmed">
            None
          </Text>
        ) : (
          <DataTable labelledBy={`${headingId}-variables`} rows={env.variables} columns={VARIABLE_COLUMNS} rowKey={(variable) => variable.key} />
        )}
        <Title order={4} size="h6" id={`${headingId}-auth`}>
          Auth
        </Title>
        {env.auth.length === 0 ? (
          <Text size="sm" c="dimmed">
            None
          </Text>
        ) : (
          <DataTable labelledBy={`${headingId}-auth`} rows={authRowsOf(env)} columns={AUTH_COLUMNS} rowKey={(row) => `${row.auth_tag}.${row.field}`} />
        )}
      </Stack>
    </Paper>
  );
}
