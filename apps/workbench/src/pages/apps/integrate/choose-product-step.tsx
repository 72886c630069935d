import { Anchor, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import type { App, Product } from '@switchboard/sdk';
import { useState } from 'react';
import { Link } from 'react-router';
import { useSuggestAccessTagMutation } from '../../../api/connections';
import { useProductsQuery } from '../../../api/products';
import { ApiErrorAlert } from '../../../components/api-error-alert';
import { QueryContent } from '../../../components/query-content';

interface ChooseProductStepProps {
  app: App;
  /** The chosen product and the free access tag the API suggests for the app in it. */
  onNext: (product: Product, suggestedAccessTag: string) => void;
}

/** Step 5 of seed 001: which product the app is connected to. */
export function ChooseProductStep({ app, onNext }: ChooseProductStepProps) {
  const products = useProductsQuery();
  const suggest = useSuggestAccessTagMutation();
  const [chosen, setChosen] = useState('');

  return (
    <QueryContent
      query={products}
      loadingLabel="Loading products"
      errorTitle="Could not load the products"
      empty={
        <>
          No products yet: <Anchor component={Link} to="/">create one on the workspace page</Anchor>, then integrate {app.name}.
        </>
      }
    >
      {(list) => (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const product = list.find((candidate) => candidate.tag === chosen);
            if (product === undefined) return;
            suggest.mutate({ product: product.tag, app: app.tag }, { onSuccess: (accessTag) => onNext(product, accessTag) });
          }}
        >
          <Stack gap="md">
            <Text>Which product should {app.name} be connected to?</Text>
            <NativeSelect
              label="Product"
              required
              value={chosen}
              onChange={(event) => setChosen(event.currentTarget.value)}
              data={[{ value: '', label: 'Choose a product', disabled: true }, ...list.map((product) => ({ value: product.tag, label: `${product.name} (${product.tag})` }))]}
            />
            {suggest.isError ? <ApiErrorAlert title="Could not prepare the connection" error={suggest.error} /> : null}
            <Group justify="flex-end">
              <Button type="submit" disabled={chosen === ''} loading={suggest.isPending}>
                Next
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </QueryContent>
  );
}
