import { Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useProductQuery } from '../../api/products';
import { useCreateWebhookMutation } from '../../api/webhooks';
import { paths } from '../../app/paths';
import { formErrorsOf } from '../../components/form-errors';
import { FormActions } from '../../components/form-actions';
import { QueryContent } from '../../components/query-content';
import { createInputOf, newWebhookDraft, WEBHOOK_FIELDS_BY_API_NAME, type WebhookField } from './webhook-draft';
import { WebhookFields } from './webhook-fields';

interface CreateWebhookModalProps {
  product: string;
  onClose: () => void;
  existingTags: readonly string[];
}

/** The create dialog; once created, the webhook's page shows its receive URLs. */
export function CreateWebhookModal({ product, onClose, existingTags }: CreateWebhookModalProps) {
  const productQuery = useProductQuery(product);
  return (
    <Modal opened onClose={onClose} title="Create a webhook" size="lg">
      <QueryContent query={productQuery} loadingLabel="Loading the product" errorTitle="Could not load the product">
        {(loaded) => <CreateWebhookForm product={product} productEnvs={loaded.envs.map((env) => env.slug)} existingTags={existingTags} />}
      </QueryContent>
    </Modal>
  );
}

function CreateWebhookForm({ product, productEnvs, existingTags }: { product: string; productEnvs: readonly string[]; existingTags: readonly string[] }) {
  const navigate = useNavigate();
  const create = useCreateWebhookMutation(product);
  const [draft, setDraft] = useState(() => newWebhookDraft(productEnvs));
  const [localErrors, setLocalErrors] = useState<Partial<Record<WebhookField, string>>>({});
  const apiErrors = formErrorsOf(create.error, WEBHOOK_FIELDS_BY_API_NAME);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: Partial<Record<WebhookField, string>> = {};
    if (draft.name.trim() === '') errors.name = 'Name is required';
    if (draft.tag.trim() === '') errors.tag = 'Tag is required';
    else if (existingTags.includes(draft.tag.trim())) errors.tag = `A webhook tagged '${draft.tag.trim()}' already exists in this product`;
    if (draft.signingSecret.trim() === '') errors.signing_secret = 'Signing secret is required: pick a secret with the key icon';
    setLocalErrors(errors);
    create.reset();
    if (Object.keys(errors).length > 0) return;
    create.mutate(createInputOf(draft), {
      onSuccess: (webhook) => {
        notifications.show({ color: 'green', title: 'Webhook created', message: `Give ${webhook.name}'s receive URL to its sender.` });
        void navigate(paths.webhook(product, webhook.tag));
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Create a webhook">
      <Stack gap="md">
        <WebhookFields product={product} draft={draft} setDraft={setDraft} editing={false} errors={{ ...apiErrors.fields, ...localErrors }} />
        <FormActions submitLabel="Create webhook" submitting={create.isPending} refusal={{ title: 'Could not create the webhook', error: apiErrors.unplaced }} />
      </Stack>
    </form>
  );
}
