import { ActionIcon, Button, Fieldset, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { App, AppAuthSchemeView, AppEnv } from '@switchboard/sdk';
import { useState } from 'react';
import { connectionEnvRequests, CREDENTIAL_FIELDS, draftField, envFieldsByApiName, type ConnectionEnvDraft, type ConnectionEnvRequest } from './connection-env-draft';
import { SecretReferenceInput } from './secret-reference-input';

type FieldErrors = Readonly<Partial<Record<string, string>>>;

interface EnvMappingTableProps {
  drafts: readonly ConnectionEnvDraft[];
  appEnvs: readonly AppEnv[];
  /** Product envs whose mapping may not be removed (a connection's stored envs: an update cannot drop them). */
  fixed?: ReadonlySet<string>;
  errors: FieldErrors;
  onChange: (productEnvSlug: string, appEnvSlug: string | null) => void;
}

/** One row per product env: the app env its requests go to, or none. */
export function EnvMappingTable({ drafts, appEnvs, fixed = new Set(), errors, onChange }: EnvMappingTableProps) {
  return (
    <Table aria-label="Environment mapping" verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Product environment</Table.Th>
          <Table.Th>App environment</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {drafts.map(({ productEnv, appEnvSlug }) => (
          <Table.Tr key={productEnv.slug}>
            <Table.Td>
              {productEnv.name}{' '}
              <Text span size="sm" c="dimmed" ff="monospace">
                {productEnv.slug}
              </Text>
            </Table.Td>
            <Table.Td>
              <NativeSelect
                aria-label={`App environment for ${productEnv.name}`}
                value={appEnvSlug ?? ''}
                error={errors[draftField.appEnv(productEnv.slug)]}
                onChange={(event) => onChange(productEnv.slug, event.currentTarget.value === '' ? null : event.currentTarget.value)}
                data={[
                  ...(fixed.has(productEnv.slug) ? [] : [{ value: '', label: 'Not connected' }]),
                  ...appEnvs.map((env) => ({ value: env.slug, label: `${env.slug} (${env.base_url})` })),
                ]}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

interface ConnectionEnvSettingsProps {
  draft: ConnectionEnvDraft;
  /** The app env the draft maps to, whose base URL applies without an override. */
  appEnv: AppEnv | undefined;
  schemes: readonly AppAuthSchemeView[];
  errors: FieldErrors;
  onChange: (draft: ConnectionEnvDraft) => void;
}

/**
 * A connected env's base URL override, variables and auth data; variable and auth values may hold `$Token{KEY}`
 * references picked from the secrets (a base URL may not: runs do not substitute references into it).
 */
export function ConnectionEnvSettings({ draft, appEnv, schemes, errors, onChange }: ConnectionEnvSettingsProps) {
  const slug = draft.productEnv.slug;
  const setVariable = (row: number, part: 'key' | 'value', value: string) =>
    onChange({ ...draft, variables: draft.variables.map((variable, index) => (index === row ? { ...variable, [part]: value } : variable)) });
  const setCredential = (schemeTag: string, field: string, value: string) =>
    onChange({ ...draft, auth: { ...draft.auth, [schemeTag]: { ...draft.auth[schemeTag], [field]: value } } });

  return (
    <Fieldset legend={`${draft.productEnv.name} (${slug})`}>
      <Stack gap="sm">
        <TextInput
          label="Base URL override"
          description={`Empty: ${appEnv === undefined ? "the app env's base URL" : `${appEnv.base_url} (app env ${appEnv.slug})`}. Another sends this env's requests elsewhere, e.g. a proxy or a local fake.`}
          inputMode="url"
          value={draft.baseUrl}
          onChange={(event) => onChange({ ...draft, baseUrl: event.currentTarget.value })}
          error={errors[draftField.baseUrl(slug)]}
          ff="monospace"
        />
        <Text fw={600} size="sm">
          Variables
        </Text>
        {draft.variables.length === 0 ? (
          <Text size="sm" c="dimmed">
            No variables: runs use them as $Variable{'{KEY}'}.
          </Text>
        ) : null}
        {draft.variables.map((variable, row) => (
          <Group key={row} align="flex-start" gap="xs" wrap="nowrap">
            <SecretReferenceInput
              label={`Variable ${row + 1} key`}
              value={variable.key}
              onChange={(value) => setVariable(row, 'key', value)}
              error={errors[draftField.variable(slug, row, 'key')]}
              flex={1}
            />
            <SecretReferenceInput
              label={`Variable ${row + 1} value`}
              value={variable.value}
              onChange={(value) => setVariable(row, 'value', value)}
              error={errors[draftField.variable(slug, row, 'value')]}
              flex={2}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={28}
              aria-label={`Remove variable ${row + 1}`}
              onClick={() => onChange({ ...draft, variables: draft.variables.filter((_, index) => index !== row) })}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        {errors[draftField.variables(slug)] === undefined ? null : (
          <Text size="sm" c="red" role="alert">
            {errors[draftField.variables(slug)]}
          </Text>
        )}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => onChange({ ...draft, variables: [...draft.variables, { key: '', value: '' }] })}
          >
            Add variable
          </Button>
        </Group>
        {schemes.map((scheme) => (
          <Stack key={scheme.tag} gap="xs">
            <Text fw={600} size="sm">
              Auth: {scheme.tag} ({scheme.type})
            </Text>
            {CREDENTIAL_FIELDS[scheme.type].map((field) => (
              <SecretReferenceInput
                key={field}
                label={field}
                value={draft.auth[scheme.tag]?.[field] ?? ''}
                onChange={(value) => setCredential(scheme.tag, field, value)}
                error={field === CREDENTIAL_FIELDS[scheme.type][0] ? errors[draftField.auth(slug, scheme.tag)] : undefined}
              />
            ))}
          </Stack>
        ))}
      </Stack>
    </Fieldset>
  );
}

/** A connection form's env drafts, and the API field names of the envs it last sent (so errors find their rows). */
export function useConnectionEnvDrafts(initial: () => ConnectionEnvDraft[], app: App) {
  const [drafts, setDrafts] = useState(initial);
  const [sent, setSent] = useState<readonly ConnectionEnvRequest[]>([]);
  return {
    drafts,
    setDrafts,
    fieldsByApiName: { envs: 'envs', ...envFieldsByApiName(sent) },
    /** The envs to send now; their rows are remembered for the reply's errors. */
    toSend: () => {
      const requests = connectionEnvRequests(drafts, app.auth);
      setSent(requests);
      return requests.map(({ input }) => input);
    },
  };
}

interface ConnectionEnvsFieldsProps {
  app: App;
  drafts: readonly ConnectionEnvDraft[];
  setDrafts: (update: (current: ConnectionEnvDraft[]) => ConnectionEnvDraft[]) => void;
  fixed?: ReadonlySet<string>;
  errors: FieldErrors;
}

/** The env mapping table, then each connected env's variables and auth. */
export function ConnectionEnvsFields({ app, drafts, setDrafts, fixed, errors }: ConnectionEnvsFieldsProps) {
  const replace = (slug: string, change: (draft: ConnectionEnvDraft) => ConnectionEnvDraft) =>
    setDrafts((current) => current.map((draft) => (draft.productEnv.slug === slug ? change(draft) : draft)));
  return (
    <Stack gap="md">
      <EnvMappingTable drafts={drafts} appEnvs={app.envs} fixed={fixed} errors={errors} onChange={(slug, appEnvSlug) => replace(slug, (draft) => ({ ...draft, appEnvSlug }))} />
      {errors.envs === undefined ? null : (
        <Text size="sm" c="red" role="alert">
          {errors.envs}
        </Text>
      )}
      <Title order={3} size="h5">
        Base URL, variables and auth per environment
      </Title>
      <Text size="sm" c="dimmed">
        The key button beside a field inserts a secret's reference, $Token{'{KEY}'}: the value itself never goes into the connection.
      </Text>
      {drafts
        .filter((draft) => draft.appEnvSlug !== null)
        .map((draft) => (
          <ConnectionEnvSettings
            key={draft.productEnv.slug}
            draft={draft}
            appEnv={app.envs.find((env) => env.slug === draft.appEnvSlug)}
            schemes={app.auth}
            errors={errors}
            onChange={(next) => replace(next.productEnv.slug, () => next)}
          />
        ))}
    </Stack>
  );
}
