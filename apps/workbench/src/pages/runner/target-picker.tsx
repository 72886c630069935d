import { SimpleGrid, Select, Stack } from '@mantine/core';
import { useAppQuery } from '../../api/apps';
import { useConnectedAppsQuery } from '../../api/connected-apps';
import { useProductsQuery } from '../../api/products';
import { ApiErrorAlert } from '../../components/api-error-alert';

/** What a run targets; each part undefined until picked. */
export interface RunTarget {
  product?: string;
  env?: string;
  app?: string;
  action?: string;
}

interface TargetPickerProps {
  target: RunTarget;
  onChange: (target: RunTarget) => void;
  /** The API's messages for the target's fields (`product`, `env`, `app`, `event`). */
  errors: Partial<Record<keyof RunTarget, string>>;
}

/** Product, env, connected app and action, each select fed by the SDK from the one before. */
export function TargetPicker({ target, onChange, errors }: TargetPickerProps) {
  const products = useProductsQuery();
  const connections = useConnectedAppsQuery(target.product);
  const connection = connections.data?.find((candidate) => candidate.access_tag === target.app);
  const app = useAppQuery(connection?.app);
  const product = products.data?.find((candidate) => candidate.tag === target.product);
  const failed = [
    { query: products, title: 'Could not load the products' },
    { query: connections, title: 'Could not load the connected apps' },
    { query: app, title: "Could not load the app's actions" },
  ].filter(({ query }) => query.isError);

  return (
    <Stack gap="sm">
      {failed.map(({ query, title }) => (
        <ApiErrorAlert key={title} title={title} error={query.error} onRetry={query.refetch} />
      ))}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Select
          label="Product"
          placeholder={products.isPending ? 'Loading…' : 'Pick a product'}
          data={products.data?.map((candidate) => ({ value: candidate.tag, label: `${candidate.name} (${candidate.tag})` })) ?? []}
          value={target.product ?? null}
          onChange={(value) => onChange({ product: value ?? undefined })}
          nothingFoundMessage="No products: create one on the workspace page"
          searchable
          error={errors.product}
        />
        <Select
          label="Environment"
          placeholder={target.product === undefined ? 'Pick a product first' : 'Pick an environment'}
          data={product?.envs.map((env) => ({ value: env.slug, label: `${env.name} (${env.slug})${env.active ? '' : ' — inactive'}`, disabled: !env.active })) ?? []}
          value={target.env ?? null}
          onChange={(value) => onChange({ ...target, env: value ?? undefined })}
          disabled={product === undefined}
          error={errors.env}
        />
        <Select
          label="Connected app"
          placeholder={target.product === undefined ? 'Pick a product first' : connections.isPending ? 'Loading…' : 'Pick a connected app'}
          data={connections.data?.map((candidate) => ({ value: candidate.access_tag, label: `${candidate.access_tag} (${candidate.app_name})` })) ?? []}
          value={target.app ?? null}
          onChange={(value) => onChange({ ...target, app: value ?? undefined, action: undefined })}
          disabled={connections.data === undefined}
          nothingFoundMessage="No apps connected to this product yet"
          searchable
          error={errors.app ?? (connections.data?.length === 0 ? 'No apps are connected to this product yet' : undefined)}
        />
        <Select
          label="Action"
          placeholder={target.app === undefined ? 'Pick a connected app first' : app.isPending ? 'Loading…' : 'Pick an action'}
          data={app.data?.actions.map((action) => ({ value: action.tag, label: `${action.method} ${action.path} — ${action.tag}` })) ?? []}
          value={target.action ?? null}
          onChange={(value) => onChange({ ...target, action: value ?? undefined })}
          disabled={app.data === undefined}
          nothingFoundMessage="This app has no actions"
          searchable
          error={errors.action}
        />
      </SimpleGrid>
    </Stack>
  );
}
