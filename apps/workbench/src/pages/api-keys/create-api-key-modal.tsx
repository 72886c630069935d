import { Modal, Stack, TextInput } from '@mantine/core';
import type { IssuedApiKey } from '@switchboard/sdk';
import { useState, type FormEvent } from 'react';
import { useCreateApiKeyMutation } from '../../api/members';
import { formErrorsOf } from '../../components/form-errors';
import { FormActions } from '../../components/form-actions';
import { instantOf } from '../../components/local-instant';

type Field = 'name' | 'expires_at';

interface CreateApiKeyModalProps {
  userId: string;
  opened: boolean;
  onClose: () => void;
  /** Takes the reply, whose private key is shown this once. */
  onCreated: (key: IssuedApiKey) => void;
}

/** Creates an API key for `userId`, named and optionally expiring; its form is unmounted on close. */
export function CreateApiKeyModal({ userId, opened, onClose, onCreated }: CreateApiKeyModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Create an API key">
      <CreateApiKeyForm userId={userId} onCreated={onCreated} />
    </Modal>
  );
}

function CreateApiKeyForm({ userId, onCreated }: { userId: string; onCreated: (key: IssuedApiKey) => void }) {
  const create = useCreateApiKeyMutation();
  const [name, setName] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const [nameMissing, setNameMissing] = useState(false);
  const { fields, unplaced } = formErrorsOf<Field>(create.error, { name: 'name', expires_at: 'expires_at' });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.reset();
    const trimmed = name.trim();
    setNameMissing(trimmed === '');
    if (trimmed === '') return;
    const expiry = instantOf(expiresAt);
    create.mutate(
      { userId, input: { name: trimmed, ...(expiry === undefined ? {} : { expires_at: expiry }) } },
      {
        onSuccess: (key) => {
          // The reply holds the private key: handed to the dialog that shows it, and dropped from the mutation.
          create.reset();
          onCreated(key);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Create an API key">
      <Stack gap="sm">
        <TextInput
          label="Name"
          description="What the key is for: “CI deploys”, “billing service”"
          required
          autoComplete="off"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={nameMissing ? 'Name is required' : fields.name}
          data-autofocus
        />
        <TextInput
          type="datetime-local"
          label="Expires at"
          description="Your local time; empty: never. The key is refused from then on."
          value={expiresAt}
          onChange={(event) => setExpiresAt(event.currentTarget.value)}
          error={fields.expires_at}
        />
        <FormActions submitLabel="Create key" submitting={create.isPending} refusal={{ title: 'Could not create the key', error: unplaced }} />
      </Stack>
    </form>
  );
}
