import { Group, Pagination, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';

/** Rows per page of a list the API answers whole (products, apps); lists the API pages itself keep its pages. */
export const PAGE_SIZE = 20;

interface PagedProps<Item> {
  items: readonly Item[];
  /** What the items are, for the pager's label: "products". */
  noun: string;
  children: (page: readonly Item[]) => ReactNode;
}

/** Shows `items` a page at a time, with a labelled pager below once there is more than one page. */
export function Paged<Item>({ items, noun, children }: PagedProps<Item>) {
  const [requested, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  // A list that shrank (an item deleted on the last page) shows its new last page.
  const page = Math.min(requested, pages);
  const first = (page - 1) * PAGE_SIZE;
  return (
    <>
      {children(items.slice(first, first + PAGE_SIZE))}
      {pages === 1 ? null : (
        <Group justify="space-between" component="nav" aria-label={`Pages of ${noun}`}>
          <Text size="sm" c="dimmed">
            {first + 1}–{Math.min(first + PAGE_SIZE, items.length)} of {items.length} {noun}
          </Text>
          <Pagination total={pages} value={page} onChange={setPage} size="sm" />
        </Group>
      )}
    </>
  );
}
