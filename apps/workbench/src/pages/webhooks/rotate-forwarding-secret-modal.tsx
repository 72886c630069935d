import { Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useRotateForwardingSecretMutation } from '../../api/webhooks';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { formErrorsOf } from '../../components/form-errors';
import { FormActions } from '../../components/form-actions';

/** The API's default overlap, a day. */
const DEFAULT_OVERLAP_HOURS = '24';
const SECONDS_PER_HOUR = 3600;

/**
 * Rotates the forwarding secret with an overlap typed in hours; the API checks the seconds it makes (0 to a week)
 * and its refusal shows beside the field. Only the replaced secret's expiry leaves the modal, never a secret.
 */
export function RotateForwardingSecretModal({ product, tag, onClose, onRotated }: { product: string; tag: string; onClose: () => void; onRotated: (previousExpiresAt: string | null) => void }) {
  const rotate = useRotateForwardingSecretMutation(product, tag);
  const [hours, setHours] = useState(DEFAULT_OVERLAP_HOURS);
  const [notANumber, setNotANumber] = useState(false);
  const { fields, unplaced } = formErrorsOf(rotate.error, { overlap_seconds: 'overlap' });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    rotate.reset();
    const overlapHours = hours.trim() === '' ? Number.NaN : Number(hours);
    setNotANumber(!Number.isFinite(overlapHours));
    if (!Number.isFinite(overlapHours)) return;
    rotate.mutate(
      // Whole seconds: a fraction of an hour typed is meant to the second, not finer.
      { overlap_seconds: Math.round(overlapHours * SECONDS_PER_HOUR) },
      {
        onSuccess: (rotated) => {
          const expiresAt = rotated.previous?.expires_at ?? null;
          notifications.show({
            color: 'green',
            title: 'Forwarding secret rotated',
            message: expiresAt === null ? 'Forwarded events are signed with the new secret only.' : `The previous secret also signs until ${new Date(expiresAt).toLocaleString()}.`,
          });
          rotate.reset();
          onRotated(expiresAt);
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title="Rotate the forwarding secret">
      <form onSubmit={submit} noValidate aria-label="Rotate the forwarding secret">
        <Stack gap="sm">
          <Text size="sm">
            Forwarded events are signed with a new secret from now on. During the overlap they carry a second signature made with the current secret, so your
            endpoint keeps verifying while you give it the new one.
          </Text>
          {unplaced === undefined ? null : <ApiErrorAlert title="Could not rotate the forwarding secret" error={unplaced} />}
          <TextInput
            label="Overlap (hours)"
            description="How long the current secret still signs: 0 (stops at once) to 168 hours"
            inputMode="decimal"
            value={hours}
            onChange={(event) => setHours(event.currentTarget.value)}
            error={notANumber ? 'Overlap must be a number of hours' : fields.overlap}
            required
            data-autofocus
          />
          <FormActions submitLabel="Rotate secret" submitting={rotate.isPending} secondary={{ label: 'Cancel', onClick: onClose }} />
        </Stack>
      </form>
    </Modal>
  );
}
