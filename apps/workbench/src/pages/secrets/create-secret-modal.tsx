import { Modal, PasswordInput, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Secret } from '@switchboard/sdk';
import { useRef, useState, type FormEvent } from 'react';
import { useAppsQuery } from '../../api/apps';
import { useProductsQuery } from '../../api/products';
import { useCreateSecretMutation } from '../../api/secrets';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { formErrorsOf } from '../../components/form-errors';
import { secretReference } from '../../components/secret-reference';
import { FormActions } from '../../components/form-actions';

type Field = 'key' | 'value' | 'description' | 'scope' | 'envs' | 'expires_at';
const FIELDS_BY_API_NAME: Record<string, Field> = { key: 'key', value: 'value', description: 'description', scope: 'scope', envs: 'envs', expires_at: 'expires_at' };

interface CreateSecretModalProps {
  opened: boolean;
  onClose: () => void;
  existingKeys: readonly string[];
}

/** The create dialog; its form is unmounted on close, so nothing typed outlives it. */
export function CreateSecretModal({ opened, onClose, existingKeys }: CreateSecretModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Create a secret" size="lg">
      <CreateSecretForm onCreated={onClose} existingKeys={existingKeys} />
    </Modal>
  );
}

function CreateSecretForm({ onCreated, existingKeys }: { onCreated: (secret: Secret) => void; existingKeys: readonly string[] }) {
  const create = useCreateSecretMutation();
  // The value stays in its input (uncontrolled) and is read once, into the request: never React state.
  const valueInput = useRef<HTMLInputElement>(null);
  const [key, setKey] = useState('');
  const [description, setDescription] = useState('');
  const [scope, setScope] = useState<string[]>([]);
  const [envs, setEnvs] = useState<string[]>([]);
  const [expiresAt, setExpiresAt] = useState('');
  const [localErrors, setLocalErrors] = useState<Partial<Record<Field, string>>>({});
  const apiErrors = formErrorsOf(create.error, FIELDS_BY_API_NAME);
  const appTags = useAppsQuery().data?.map((app) => app.tag) ?? [];
  const envSlugs = [...new Set(useProductsQuery().data?.flatMap((product) => product.envs.map((env) => env.slug)))];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmedKey = key.trim();
    const errors: Partial<Record<Field, string>> = {};
    if (trimmedKey === '') errors.key = 'Key is required';
    else if (existingKeys.includes(trimmedKey)) errors.key = `A secret named '${trimmedKey}' already exists`;
    if ((valueInput.current?.value ?? '') === '') errors.value = 'Value is required';
    setLocalErrors(errors);
    create.reset();
    if (Object.keys(errors).length > 0) return;
    const trimmedDescription = description.trim();
    create.mutate(
      {
        secret: {
          key: trimmedKey,
          ...(trimmedDescription === '' ? {} : { description: trimmedDescription }),
          ...(scope.length === 0 ? {} : { scope }),
          ...(envs.length === 0 ? {} : { envs }),
          // datetime-local is the user's local time without a zone; the API takes an instant.
          ...(expiresAt === '' ? {} : { expires_at: new Date(expiresAt).toISOString() }),
        },
        readValue: () => valueInput.current?.value ?? '',
      },
      {
        onSuccess: (secret) => {
          notifications.show({ color: 'green', title: 'Secret created', message: `Reference it as ${secretReference(secret.key)}. Its value is not shown again.` });
          onCreated(secret);
        },
      },
    );
  };
  const errorOf = (field: Field) => localErrors[field] ?? apiErrors.fields[field];

  return (
    <form onSubmit={submit} noValidate aria-label="Create a secret">
      <Stack gap="sm">
        {apiErrors.unplaced === undefined ? null : <ApiErrorAlert title="Could not create the secret" error={apiErrors.unplaced} />}
        <TextInput
          label="Key"
          description="Letters, digits and _, case-sensitive: referenced as $Token{KEY}"
          required
          spellCheck={false}
          autoComplete="off"
          value={key}
          onChange={(event) => setKey(event.currentTarget.value)}
          error={errorOf('key')}
          data-autofocus
        />
        <PasswordInput
          ref={valueInput}
          label="Value"
          description="Typed once: it is never shown again, only used by runs"
          required
          autoComplete="off"
          error={errorOf('value')}
        />
        <Textarea label="Description" autosize minRows={2} value={description} onChange={(event) => setDescription(event.currentTarget.value)} error={errorOf('description')} />
        <TagsInput
          label="Scope"
          description="App tags or access tags that may use it; empty: every app. Press Enter after each."
          data={appTags}
          value={scope}
          onChange={setScope}
          error={errorOf('scope')}
        />
        <TagsInput
          label="Environments"
          description="Env slugs it may be used in; empty: every env. Press Enter after each."
          data={envSlugs}
          value={envs}
          onChange={setEnvs}
          error={errorOf('envs')}
        />
        <TextInput
          type="datetime-local"
          label="Expires at"
          description="Your local time; empty: never. Runs refuse it once expired."
          value={expiresAt}
          onChange={(event) => setExpiresAt(event.currentTarget.value)}
          error={errorOf('expires_at')}
        />
        <FormActions submitLabel="Create secret" submitting={create.isPending} />
      </Stack>
    </form>
  );
}
