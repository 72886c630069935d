import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AddConnectedAppInput, UpdateConnectedAppInput } from '@switchboard/sdk';
import { useSwitchboard } from './session';

/** Query keys of connected apps, per product: invalidating `product(tag)` refreshes that product's list and details. */
export const connectionKeys = {
  all: ['connections'] as const,
  product: (product: string) => [...connectionKeys.all, product] as const,
  list: (product: string) => [...connectionKeys.product(product), 'list'] as const,
  detail: (product: string, accessTag: string) => [...connectionKeys.product(product), 'detail', accessTag] as const,
};

/** The apps connected to a product. */
export function useConnectionsQuery(product: string) {
  const switchboard = useSwitchboard();
  return useQuery({ queryKey: connectionKeys.list(product), queryFn: () => switchboard.product.appsOf(product).fetchAll() });
}

/** One connected app of a product, by access tag. */
export function useConnectionQuery(product: string, accessTag: string) {
  const switchboard = useSwitchboard();
  return useQuery({ queryKey: connectionKeys.detail(product, accessTag), queryFn: () => switchboard.product.appsOf(product).fetch(accessTag) });
}

export interface SuggestAccessTagVariables {
  product: string;
  app: string;
}

/** Asks the API for a free access tag for the app in the product (`product.app.connect`), the Integrate form's default. */
export function useSuggestAccessTagMutation() {
  const switchboard = useSwitchboard();
  return useMutation({
    mutationFn: ({ product, app }: SuggestAccessTagVariables) => switchboard.product.appsOf(product).connect(app),
    meta: { errorsShownInline: true },
  });
}

/** Connects an app to the product under an access tag with its env mapping; the form shows its errors by field. */
export function useAddConnectionMutation(product: string) {
  const switchboard = useSwitchboard();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddConnectedAppInput) => switchboard.product.appsOf(product).add(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: connectionKeys.product(product) }),
    meta: { errorsShownInline: true },
  });
}

/** Changes the listed envs of a connection; the others stay. */
export function useUpdateConnectionMutation(product: string, accessTag: string) {
  const switchboard = useSwitchboard();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateConnectedAppInput) => switchboard.product.appsOf(product).update(accessTag, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: connectionKeys.product(product) }),
    meta: { errorsShownInline: true },
  });
}

/** Disconnects an app from the product; its run records stay readable. */
export function useDisconnectMutation(product: string, accessTag: string) {
  const switchboard = useSwitchboard();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => switchboard.product.appsOf(product).delete(accessTag),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: connectionKeys.detail(product, accessTag) });
      await queryClient.invalidateQueries({ queryKey: connectionKeys.list(product) });
    },
    meta: { errorsShownInline: true },
  });
}
