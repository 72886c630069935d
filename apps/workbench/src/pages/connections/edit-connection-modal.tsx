import { Modal, Stack } from '@mantine/core';
import type { App, ConnectedApp, Product } from '@switchboard/sdk';
import { useAppQuery } from '../../api/apps';
import { useUpdateConnectionMutation } from '../../api/connections';
import { storedConnectionDrafts } from '../../components/connection-env-draft';
import { ConnectionEnvsFields, useConnectionEnvDrafts } from '../../components/connection-env-editor';
import { formErrorsOf } from '../../components/form-errors';
import { QueryContent } from '../../components/query-content';
import { FormActions } from '../../components/form-actions';

interface EditConnectionModalProps {
  connection: ConnectedApp;
  product: Product;
  onClose: () => void;
}

/** Changes a connection's env mapping, variables and auth (`product.app.update`); its stored envs stay connected. */
export function EditConnectionModal({ connection, product, onClose }: EditConnectionModalProps) {
  const app = useAppQuery(connection.app);
  return (
    <Modal opened onClose={onClose} size="xl" title={`Edit ${connection.access_tag}`}>
      <QueryContent query={app} loadingLabel="Loading the app" errorTitle={`Could not load app ${connection.app}`}>
        {(loaded) => <EditConnectionForm app={loaded} connection={connection} product={product} onDone={onClose} />}
      </QueryContent>
    </Modal>
  );
}

function EditConnectionForm({ app, connection, product, onDone }: { app: App; connection: ConnectedApp; product: Product; onDone: () => void }) {
  const envs = useConnectionEnvDrafts(() => storedConnectionDrafts(product.envs, connection.envs), app);
  const update = useUpdateConnectionMutation(connection.product, connection.access_tag);
  const errors = formErrorsOf<string>(update.error, envs.fieldsByApiName);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ envs: envs.toSend() }, { onSuccess: onDone });
      }}
    >
      <Stack gap="md">
        <ConnectionEnvsFields app={app} drafts={envs.drafts} setDrafts={envs.setDrafts} fixed={new Set(connection.envs.map((env) => env.product_env_slug))} errors={errors.fields} />
        <FormActions
          submitLabel="Save"
          submitting={update.isPending}
          secondary={{ label: 'Cancel', onClick: onDone }}
          refusal={{ title: 'Could not save the connection', error: errors.unplaced }}
        />
      </Stack>
    </form>
  );
}
