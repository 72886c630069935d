import { Paper, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiErrorAlert } from './api-error-alert';
import { ListSkeleton } from './list-skeleton';

interface QueryContentProps<Data> {
  query: UseQueryResult<Data>;
  /** Announced while loading: "Loading products". */
  loadingLabel: string;
  /** The error alert's title: "Could not load the products". */
  errorTitle: string;
  /** Shown instead of `children` when `isEmpty(data)`: what is missing and how to add one. */
  empty?: ReactNode;
  isEmpty?: (data: Data) => boolean;
  children: (data: Data) => ReactNode;
}

/** A query's loading, error (with Try again), empty and loaded states, the same on every page. */
export function QueryContent<Data>({ query, loadingLabel, errorTitle, empty, isEmpty = isEmptyList, children }: QueryContentProps<Data>) {
  if (query.isPending) return <ListSkeleton label={loadingLabel} />;
  if (query.isError) return <ApiErrorAlert title={errorTitle} error={query.error} onRetry={query.refetch} />;
  if (empty !== undefined && isEmpty(query.data)) {
    return (
      <Paper withBorder p="md">
        <Text c="dimmed">{empty}</Text>
      </Paper>
    );
  }
  return children(query.data);
}

function isEmptyList(data: unknown): boolean {
  return Array.isArray(data) && data.length === 0;
}
