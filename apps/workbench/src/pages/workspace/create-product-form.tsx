import { Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useCreateProductMutation } from '../../api/products';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { formErrorsOf } from '../../components/form-errors';
import { FormActions } from '../../components/form-actions';

type Field = 'tag' | 'name' | 'description';
// The API reads the tag from the path (`PUT /v1/products/:product`), the rest from the body.
const FIELDS_BY_API_NAME: Record<string, Field> = { product: 'tag', name: 'name', description: 'description' };
const EMPTY: Record<Field, string> = { tag: '', name: '', description: '' };

/**
 * Creates a product with the default environments. `PUT /v1/products/:tag` answers an existing product unchanged, so a tag
 * already in the list is refused here rather than silently "created".
 */
export function CreateProductForm({ existingTags }: { existingTags: readonly string[] }) {
  const create = useCreateProductMutation();
  const [values, setValues] = useState(EMPTY);
  const [localErrors, setLocalErrors] = useState<Partial<Record<Field, string>>>({});
  const apiErrors = formErrorsOf(create.error, FIELDS_BY_API_NAME);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const tag = values.tag.trim();
    const errors: Partial<Record<Field, string>> = {};
    if (tag === '') errors.tag = 'Tag is required';
    else if (existingTags.includes(tag)) errors.tag = `A product tagged '${tag}' already exists`;
    setLocalErrors(errors);
    create.reset();
    if (Object.keys(errors).length > 0) return;
    const name = values.name.trim();
    const description = values.description.trim();
    create.mutate(
      { tag, input: { ...(name === '' ? {} : { name }), ...(description === '' ? {} : { description }) } },
      {
        onSuccess: (product) => {
          setValues(EMPTY);
          notifications.show({ color: 'green', title: 'Product created', message: `${product.name} (${product.tag}) is ready.` });
        },
      },
    );
  };
  const field = (name: Field) => ({
    value: values[name],
    error: localErrors[name] ?? apiErrors.fields[name],
    onChange: (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => setValues({ ...values, [name]: event.currentTarget.value }),
  });

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-labelledby="create-product-heading">
        <Stack gap="sm">
          <Title order={3} size="h4" id="create-product-heading">
            Create a product
          </Title>
          {apiErrors.unplaced === undefined ? null : <ApiErrorAlert title="Could not create the product" error={apiErrors.unplaced} />}
          <Group grow align="flex-start" wrap="wrap">
            <TextInput {...field('tag')} label="Tag" description="Letters, digits, _ and -; used in API calls" required spellCheck={false} miw={200} />
            <TextInput {...field('name')} label="Name" description="Defaults to the tag" miw={200} />
          </Group>
          <Textarea {...field('description')} label="Description" autosize minRows={2} />
          <Text size="xs" c="dimmed">
            New products get the Development, Staging and Production environments.
          </Text>
          <FormActions submitLabel="Create product" submitting={create.isPending} />
        </Stack>
      </form>
    </Paper>
  );
}
