import { Group, Pagination, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import type { MarketplaceListQuery } from '@switchboard/sdk';
import { useState } from 'react';
import { useMarketplaceQuery } from '../../api/marketplace';
import { useAddressFields, type AddressFields } from '../../components/address-fields';
import { QueryContent } from '../../components/query-content';
import { usePageTitle } from '../../components/use-page-title';
import { TemplateCard } from './template-card';
import { categoryLabel, isTemplateCategory } from './template-labels';

const PAGE_SIZE = 12;
const ALL_CATEGORIES = 'all';
const ADDRESS_FIELDS = ['search', 'category', 'page'] as const;

/** Step 4 of seed 001, "Add from Marketplace": templates by category and search, a page at a time; the filters live in the URL. */
export function MarketplacePage() {
  const [fields, setFields] = useAddressFields(ADDRESS_FIELDS);
  const search = fields.search ?? '';
  const categoryField = fields.category ?? null;
  const category = isTemplateCategory(categoryField) ? categoryField : undefined;
  const page = Math.max(1, Number.parseInt(fields.page ?? '1', 10) || 1);
  const query: MarketplaceListQuery = { ...(search === '' ? {} : { search }), ...(category === undefined ? {} : { category }), offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE };
  const templates = useMarketplaceQuery(query);
  usePageTitle('Marketplace');

  // A new search or category starts again at the first page.
  const update = (changes: AddressFields<(typeof ADDRESS_FIELDS)[number]>) => setFields({ ...fields, ...changes });
  const [typed, setTyped] = useState(search);
  const searchLater = useDebouncedCallback((text: string) => update({ search: text.trim(), page: undefined }), 300);
  const categories = templates.data?.categories ?? [];
  const allCount = categories.reduce((sum, entry) => sum + entry.count, 0);

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>Marketplace</Title>
        <Text c="dimmed">Ready-made apps to install into the workspace; installing one leads to its overview, where Integrate connects it to a product.</Text>
      </Stack>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="Search"
          type="search"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={typed}
          onChange={(event) => {
            setTyped(event.currentTarget.value);
            searchLater(event.currentTarget.value);
          }}
          style={{ flex: 1 }}
          miw={220}
        />
        <Select
          label="Category"
          w={240}
          allowDeselect={false}
          value={category ?? ALL_CATEGORIES}
          data={[
            { value: ALL_CATEGORIES, label: `All categories (${allCount})` },
            ...categories.map((entry) => ({ value: entry.category, label: `${categoryLabel(entry.category)} (${entry.count})` })),
          ]}
          onChange={(value) => update({ category: value === ALL_CATEGORIES || value === null ? undefined : value, page: undefined })}
        />
      </Group>
      <QueryContent
        query={templates}
        loadingLabel="Loading templates"
        errorTitle="Could not load the marketplace"
        isEmpty={(list) => list.items.length === 0}
        empty="No template matches. Try another search or category."
      >
        {(list) => (
          <Stack gap="md">
            <Text size="sm" c="dimmed" role="status">
              {list.total === 1 ? '1 template' : `${list.total} templates`}
              {list.total > list.items.length ? `, ${list.offset + 1}–${list.offset + list.items.length} shown` : ''}
            </Text>
            <SimpleGrid component="ul" cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" p={0} m={0} aria-label="Templates" style={{ listStyle: 'none' }}>
              {list.items.map((template) => (
                <TemplateCard key={template.tag} template={template} />
              ))}
            </SimpleGrid>
            {list.total <= list.limit ? null : (
              <Group justify="center" component="nav" aria-label="Pages of templates">
                <Pagination total={Math.ceil(list.total / list.limit)} value={page} onChange={(next) => update({ page: String(next) })} />
              </Group>
            )}
          </Stack>
        )}
      </QueryContent>
    </Stack>
  );
}
