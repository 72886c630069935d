import { Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Webhook } from '@switchboard/sdk';
import { useState } from 'react';
import { useUpdateWebhookMutation } from '../../api/webhooks';
import { formErrorsOf } from '../../components/form-errors';
import { FormActions } from '../../components/form-actions';
import { updateInputOf, WEBHOOK_FIELDS_BY_API_NAME, webhookDraftOf } from './webhook-draft';
import { WebhookFields } from './webhook-fields';

/** Changes a webhook through the create form's fields, prefilled; clearing the app or forward URL removes it. */
export function EditWebhookModal({ webhook, onClose }: { webhook: Webhook; onClose: () => void }) {
  const update = useUpdateWebhookMutation(webhook.product, webhook.tag);
  const [draft, setDraft] = useState(() => webhookDraftOf(webhook));
  const errors = formErrorsOf(update.error, WEBHOOK_FIELDS_BY_API_NAME);

  return (
    <Modal opened onClose={onClose} title={`Edit ${webhook.name}`} size="lg">
      <form
        noValidate
        aria-label={`Edit ${webhook.name}`}
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate(updateInputOf(draft), {
            onSuccess: (saved) => {
              notifications.show({ color: 'green', title: 'Webhook saved', message: `${saved.name} is updated.` });
              onClose();
            },
          });
        }}
      >
        <Stack gap="md">
          <WebhookFields product={webhook.product} draft={draft} setDraft={setDraft} editing errors={errors.fields} />
          <FormActions submitLabel="Save" submitting={update.isPending} secondary={{ label: 'Cancel', onClick: onClose }} refusal={{ title: 'Could not save the webhook', error: errors.unplaced }} />
        </Stack>
      </form>
    </Modal>
  );
}
