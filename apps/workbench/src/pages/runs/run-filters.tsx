import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { RunRecordStatus } from '@switchboard/sdk';
import { useConnectedAppsQuery } from '../../api/connected-apps';
import { useProductsQuery } from '../../api/products';
import type { RunLogFilters } from '../../api/runs';
import { instantOf, localInputOf } from '../../components/local-instant';
import { RUN_STATUSES } from './run-status-badge';

interface RunFiltersProps {
  filters: RunLogFilters;
  onChange: (filters: RunLogFilters) => void;
  errors: Partial<Record<keyof RunLogFilters, string>>;
}

const HOUR_MS = 3_600_000;

/** Quick time ranges: each sets `after` to that long before now (an instant, so the address still names one range). */
const RECENT_PERIODS = [
  { label: 'Last hour', ms: HOUR_MS },
  { label: 'Last 24 hours', ms: 24 * HOUR_MS },
  { label: 'Last 7 days', ms: 7 * 24 * HOUR_MS },
];

/** The run log's filters: product, connected app (of that product), status and a time range. */
export function RunFilters({ filters, onChange, errors }: RunFiltersProps) {
  const products = useProductsQuery();
  const connections = useConnectedAppsQuery(filters.product);
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
        <Select
          label="Product"
          placeholder="Every product"
          clearable
          data={products.data?.map((product) => ({ value: product.tag, label: `${product.name} (${product.tag})` })) ?? []}
          value={filters.product ?? null}
          onChange={(value) => onChange({ ...filters, product: value ?? undefined, app: undefined })}
          error={errors.product ?? (products.isError ? 'Could not load the products' : undefined)}
        />
        <Select
          label="Connected app"
          placeholder={filters.product === undefined ? 'Pick a product first' : 'Every connected app'}
          clearable
          disabled={filters.product === undefined}
          data={connections.data?.map((connection) => ({ value: connection.access_tag, label: connection.access_tag })) ?? []}
          value={filters.app ?? null}
          onChange={(value) => onChange({ ...filters, app: value ?? undefined })}
          error={errors.app ?? (connections.isError ? 'Could not load the connected apps' : undefined)}
        />
        <Select
          label="Status"
          placeholder="Every status"
          clearable
          data={Object.entries(RUN_STATUSES).map(([value, { label }]) => ({ value, label }))}
          value={filters.status ?? null}
          onChange={(value) => onChange({ ...filters, status: (value ?? undefined) as RunRecordStatus | undefined })}
          error={errors.status}
        />
        <TextInput
          type="datetime-local"
          label="After"
          description="Your local time"
          value={localInputOf(filters.after)}
          onChange={(event) => onChange({ ...filters, after: instantOf(event.currentTarget.value) })}
          error={errors.after}
        />
        <TextInput
          type="datetime-local"
          label="Before"
          description="Your local time"
          value={localInputOf(filters.before)}
          onChange={(event) => onChange({ ...filters, before: instantOf(event.currentTarget.value) })}
          error={errors.before}
        />
      </SimpleGrid>
      <Group gap="xs" role="group" aria-label="Recent runs">
        {RECENT_PERIODS.map(({ label, ms }) => (
          <Button key={label} variant="default" size="compact-sm" onClick={() => onChange({ ...filters, after: new Date(Date.now() - ms).toISOString(), before: undefined })}>
            {label}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
