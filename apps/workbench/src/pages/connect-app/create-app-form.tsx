import { ActionIcon, Button, Fieldset, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { App, AppAuthSchemeType, CreateAppInput, RequestType } from '@switchboard/sdk';
import { useState, type FormEvent } from 'react';
import { useCreateAppMutation } from '../../api/apps';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { formErrorsOf } from '../../components/form-errors';

interface EnvRow {
  slug: string;
  base_url: string;
  request_type: RequestType;
}

// Every request type the API accepts, checked complete against the SDK's type.
const REQUEST_TYPE_LABELS = { JSON: 'JSON', XML: 'XML', FORM: 'Form (URL-encoded)', MULTIPART: 'Multipart', TEXT: 'Text' } satisfies Record<RequestType, string>;
const REQUEST_TYPE_OPTIONS = Object.entries(REQUEST_TYPE_LABELS).map(([value, label]) => ({ value, label }));
const ENV_FIELDS = ['slug', 'base_url', 'request_type'] as const;
const isRequestType = (value: string | null): value is RequestType => value !== null && Object.hasOwn(REQUEST_TYPE_LABELS, value);
const NEW_ENV: EnvRow = { slug: '', base_url: '', request_type: 'JSON' };

// The schemes a new app may declare here, each under a tag of its own kind; OAuth2 needs a token URL, so it is left to the API.
const AUTH_SCHEMES = {
  none: { label: 'None', scheme: undefined },
  api_key: { label: 'API key in the X-API-Key header', scheme: { tag: 'api-key', type: 'api_key' } },
  bearer: { label: 'Bearer token', scheme: { tag: 'bearer', type: 'bearer' } },
  basic: { label: 'Basic (username and password)', scheme: { tag: 'basic', type: 'basic' } },
} satisfies Record<string, { label: string; scheme: { tag: string; type: AppAuthSchemeType } | undefined }>;
type AuthChoice = keyof typeof AUTH_SCHEMES;
const AUTH_OPTIONS = Object.entries(AUTH_SCHEMES).map(([value, { label }]) => ({ value, label }));
const isAuthChoice = (value: string | null): value is AuthChoice => value !== null && Object.hasOwn(AUTH_SCHEMES, value);

/** The API's field names (`tag`, `envs.0.base_url`) for a form with `envCount` env rows: each lands beside its own input. */
function fieldsByApiName(envCount: number): Record<string, string> {
  const names = ['tag', 'name', 'description', 'envs', 'auth', 'auth.0', 'auth.0.type'];
  for (let row = 0; row < envCount; row++) names.push(...ENV_FIELDS.map((field) => `envs.${row}.${field}`));
  return Object.fromEntries(names.map((name) => [name, name]));
}

/** Registers a new workspace app with its environments; the API's rules decide, and its messages sit beside their fields. */
export function CreateAppForm({ onCreated, onCancel }: { onCreated: (app: App) => void; onCancel: () => void }) {
  const create = useCreateAppMutation();
  const [tag, setTag] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [envs, setEnvs] = useState<EnvRow[]>([{ ...NEW_ENV, slug: 'prd' }]);
  const [auth, setAuth] = useState<AuthChoice>('none');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const apiErrors = formErrorsOf(create.error, fieldsByApiName(envs.length));
  const errorOf = (field: string): string | undefined => missing[field] ?? apiErrors.fields[field];

  const setEnv = (row: number, change: Partial<EnvRow>) => setEnvs(envs.map((env, index) => (index === row ? { ...env, ...change } : env)));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const blank: Record<string, string> = {};
    if (tag.trim() === '') blank.tag = 'Tag is required';
    envs.forEach((env, row) => {
      if (env.slug.trim() === '') blank[`envs.${row}.slug`] = 'Slug is required';
      if (env.base_url.trim() === '') blank[`envs.${row}.base_url`] = 'Base URL is required';
    });
    setMissing(blank);
    create.reset();
    if (Object.keys(blank).length > 0) return;
    const scheme = AUTH_SCHEMES[auth].scheme;
    const input: CreateAppInput = {
      tag: tag.trim(),
      ...(name.trim() === '' ? {} : { name: name.trim() }),
      ...(description.trim() === '' ? {} : { description: description.trim() }),
      envs: envs.map((env) => ({ slug: env.slug.trim(), base_url: env.base_url.trim(), request_type: env.request_type })),
      ...(scheme === undefined ? {} : { auth: [scheme] }),
    };
    create.mutate(input, { onSuccess: onCreated });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Create a new app">
      <Stack gap="sm">
        {apiErrors.unplaced === undefined ? null : <ApiErrorAlert title="Could not create the app" error={apiErrors.unplaced} />}
        <TextInput label="Tag" description="Letters, digits, _ and -; used in API calls" required spellCheck={false} value={tag} error={errorOf('tag')} onChange={(event) => setTag(event.currentTarget.value)} />
        <TextInput label="Name" description="Defaults to the tag" value={name} error={errorOf('name')} onChange={(event) => setName(event.currentTarget.value)} />
        <Textarea label="Description" autosize minRows={2} value={description} error={errorOf('description')} onChange={(event) => setDescription(event.currentTarget.value)} />
        <Fieldset legend="Environments">
          <Stack gap="sm">
            {errorOf('envs') === undefined ? null : (
              <Text size="sm" c="var(--mantine-color-error)" role="alert">
                {errorOf('envs')}
              </Text>
            )}
            {envs.map((env, row) => (
              <Group key={row} align="flex-start" wrap="wrap" gap="sm">
                <TextInput label={`Environment ${row + 1} slug`} required spellCheck={false} w={120} value={env.slug} error={errorOf(`envs.${row}.slug`)} onChange={(event) => setEnv(row, { slug: event.currentTarget.value })} />
                <TextInput
                  label={`Environment ${row + 1} base URL`}
                  required
                  type="url"
                  spellCheck={false}
                  style={{ flex: 1 }}
                  miw={200}
                  value={env.base_url}
                  error={errorOf(`envs.${row}.base_url`)}
                  onChange={(event) => setEnv(row, { base_url: event.currentTarget.value })}
                />
                <Select
                  label={`Environment ${row + 1} request type`}
                  data={REQUEST_TYPE_OPTIONS}
                  allowDeselect={false}
                  w={170}
                  value={env.request_type}
                  error={errorOf(`envs.${row}.request_type`)}
                  onChange={(value) => {
                    if (isRequestType(value)) setEnv(row, { request_type: value });
                  }}
                />
                {envs.length === 1 ? null : (
                  <ActionIcon variant="subtle" color="red" mt={28} aria-label={`Remove environment ${row + 1}`} onClick={() => setEnvs(envs.filter((_, index) => index !== row))}>
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
            ))}
            <div>
              <Button variant="subtle" size="xs" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEnvs([...envs, NEW_ENV])}>
                Add an environment
              </Button>
            </div>
          </Stack>
        </Fieldset>
        <Select
          label="Auth scheme"
          description="How requests to the app are authenticated; each connection then gives the credentials"
          data={AUTH_OPTIONS}
          allowDeselect={false}
          value={auth}
          error={errorOf('auth') ?? errorOf('auth.0') ?? errorOf('auth.0.type')}
          onChange={(value) => {
            if (isAuthChoice(value)) setAuth(value);
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Back to the apps
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create app
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
