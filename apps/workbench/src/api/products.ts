import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProductInput } from '@switchboard/sdk';
import { useSwitchboard } from './session';

/** Query keys of products: `all` prefixes every product query, so invalidating it refreshes lists and details. */
export const productKeys = {
  all: ['products'] as const,
  list: () => [...productKeys.all, 'list'] as const,
  detail: (tag: string) => [...productKeys.all, 'detail', tag] as const,
};

/** Every product of the workspace. */
export function useProductsQuery() {
  const switchboard = useSwitchboard();
  return useQuery({ queryKey: productKeys.list(), queryFn: () => switchboard.product.fetchAll() });
}

/** One product, by tag. */
export function useProductQuery(tag: string) {
  const switchboard = useSwitchboard();
  return useQuery({ queryKey: productKeys.detail(tag), queryFn: () => switchboard.product.fetch(tag) });
}

export interface CreateProductVariables {
  tag: string;
  input: ProductInput;
}

/** Creates a product (`PUT /v1/products/:tag`); the form shows its errors beside the fields they name. */
export function useCreateProductMutation() {
  const switchboard = useSwitchboard();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ tag, input }: CreateProductVariables) => switchboard.product.init(tag, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: productKeys.all }),
    meta: { errorsShownInline: true },
  });
}
