import { Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState, type FormEvent } from 'react';
import { useRotateSecretMutation } from '../../api/secrets';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { formErrorsOf } from '../../components/form-errors';
import { FormActions } from '../../components/form-actions';

/** Rotates the secret `secretKey` names (closed while it is null): a new value under a new version. */
export function RotateSecretModal({ secretKey, onClose }: { secretKey: string | null; onClose: () => void }) {
  return (
    <Modal opened={secretKey !== null} onClose={onClose} title={`Rotate ${secretKey ?? ''}`}>
      {secretKey === null ? null : <RotateSecretForm secretKey={secretKey} onRotated={onClose} />}
    </Modal>
  );
}

function RotateSecretForm({ secretKey, onRotated }: { secretKey: string; onRotated: () => void }) {
  const rotate = useRotateSecretMutation();
  // As when creating: the value is read from its input into the request, never kept in state.
  const valueInput = useRef<HTMLInputElement>(null);
  const [missing, setMissing] = useState(false);
  const { fields, unplaced } = formErrorsOf(rotate.error, { value: 'value' });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    rotate.reset();
    const empty = (valueInput.current?.value ?? '') === '';
    setMissing(empty);
    if (empty) return;
    rotate.mutate(
      { key: secretKey, readValue: () => valueInput.current?.value ?? '' },
      {
        onSuccess: (secret) => {
          notifications.show({ color: 'green', title: 'Secret rotated', message: `${secret.key} is at version ${secret.version}; the old value is never used again.` });
          onRotated();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Rotate ${secretKey}`}>
      <Stack gap="sm">
        <Text size="sm">Runs use the new value from now on; references stay as they are.</Text>
        {unplaced === undefined ? null : <ApiErrorAlert title="Could not rotate the secret" error={unplaced} />}
        <PasswordInput
          ref={valueInput}
          label="New value"
          description="Typed once: it is never shown again"
          required
          autoComplete="off"
          error={missing ? 'New value is required' : fields.value}
          data-autofocus
        />
        <FormActions submitLabel="Rotate secret" submitting={rotate.isPending} />
      </Stack>
    </form>
  );
}
