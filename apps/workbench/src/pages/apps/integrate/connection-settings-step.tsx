import { Stack, Text, TextInput } from '@mantine/core';
import type { App, ConnectedApp, Product } from '@switchboard/sdk';
import { useState } from 'react';
import { useAddConnectionMutation } from '../../../api/connections';
import { newConnectionDrafts } from '../../../components/connection-env-draft';
import { ConnectionEnvsFields, useConnectionEnvDrafts } from '../../../components/connection-env-editor';
import { formErrorsOf } from '../../../components/form-errors';
import { FormActions } from '../../../components/form-actions';

interface ConnectionSettingsStepProps {
  app: App;
  product: Product;
  suggestedAccessTag: string;
  onBack: () => void;
  onConnected: (connection: ConnectedApp) => void;
}

/** Step 6 of seed 001: map product envs to app envs, name the connection, give its variables and auth; Finish connects. */
export function ConnectionSettingsStep({ app, product, suggestedAccessTag, onBack, onConnected }: ConnectionSettingsStepProps) {
  const envs = useConnectionEnvDrafts(() => newConnectionDrafts(product.envs, app.envs), app);
  const [accessTag, setAccessTag] = useState(suggestedAccessTag);
  const add = useAddConnectionMutation(product.tag);
  const errors = formErrorsOf<string>(add.error, { access_tag: 'access_tag', ...envs.fieldsByApiName });

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate({ access_tag: accessTag, app: app.tag, envs: envs.toSend() }, { onSuccess: onConnected });
      }}
    >
      <Stack gap="md">
        <Text>
          Connecting {app.name} to <strong>{product.name}</strong>. Map each product environment to the app environment its requests go to.
        </Text>
        <TextInput
          label="Access tag"
          description="The name runs use for this connection; unique in the product"
          required
          value={accessTag}
          onChange={(event) => setAccessTag(event.currentTarget.value)}
          error={errors.fields.access_tag}
          ff="monospace"
        />
        <ConnectionEnvsFields app={app} drafts={envs.drafts} setDrafts={envs.setDrafts} errors={errors.fields} />
        <FormActions
          submitLabel="Finish"
          submitting={add.isPending}
          secondary={{ label: 'Back', onClick: onBack, spread: true }}
          refusal={{ title: 'Could not connect the app', error: errors.unplaced }}
        />
      </Stack>
    </form>
  );
}
