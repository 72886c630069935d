import { ActionIcon, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useCreateProductMutation } from '../../api/products';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { formErrorsOf } from '../../components/form-errors';
import { FormActions } from '../../components/form-actions';

type Field = 'tag' | 'name' | 'description';
/** An env row's fields are named after the API's: `envs.0.slug`, `envs.0.name`. */
type EnvField = `envs.${number}.${'slug' | 'name'}`;
// The API reads the tag from the path (`PUT /v1/products/:product`), the rest from the body.
const FIELDS_BY_API_NAME: Record<string, Field | EnvField> = { product: 'tag', name: 'name', description: 'description' };
const EMPTY: Record<Field, string> = { tag: '', name: '', description: '' };

interface EnvRow {
  slug: string;
  name: string;
}

/**
 * Creates a product with the environments the user lists, or the API's defaults when none is listed. `PUT /v1/products/:tag` answers an existing product unchanged, so a tag
 * already in the list is refused here rather than silently "created".
 */
export function CreateProductForm({ existingTags }: { existingTags: readonly string[] }) {
  const create = useCreateProductMutation();
  const [values, setValues] = useState(EMPTY);
  const [envs, setEnvs] = useState<EnvRow[]>([]);
  const [localErrors, setLocalErrors] = useState<Partial<Record<Field | EnvField, string>>>({});
  const apiErrors = formErrorsOf<Field | EnvField>(create.error, { ...FIELDS_BY_API_NAME, ...envFieldNames(envs.length) });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const tag = values.tag.trim();
    const errors: Partial<Record<Field | EnvField, string>> = {};
    if (tag === '') errors.tag = 'Tag is required';
    else if (existingTags.includes(tag)) errors.tag = `A product tagged '${tag}' already exists`;
    envs.forEach((env, index) => {
      if (env.slug.trim() === '') errors[`envs.${index}.slug`] = 'Slug is required';
    });
    setLocalErrors(errors);
    create.reset();
    if (Object.keys(errors).length > 0) return;
    const name = values.name.trim();
    const description = values.description.trim();
    create.mutate(
      {
        tag,
        input: {
          ...(name === '' ? {} : { name }),
          ...(description === '' ? {} : { description }),
          ...(envs.length === 0 ? {} : { envs: envs.map((env) => ({ slug: env.slug.trim(), ...(env.name.trim() === '' ? {} : { name: env.name.trim() }) })) }),
        },
      },
      {
        onSuccess: (product) => {
          setValues(EMPTY);
          setEnvs([]);
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
  const envField = (index: number, part: keyof EnvRow) => ({
    value: envs[index]?.[part] ?? '',
    error: localErrors[`envs.${index}.${part}`] ?? apiErrors.fields[`envs.${index}.${part}`],
    onChange: (event: { currentTarget: HTMLInputElement }) => {
      const value = event.currentTarget.value;
      setEnvs(envs.map((env, at) => (at === index ? { ...env, [part]: value } : env)));
    },
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
          <Stack gap="xs" role="group" aria-labelledby="create-product-envs-heading">
            <Text size="sm" fw={500} id="create-product-envs-heading">
              Environments
            </Text>
            {envs.length === 0 ? (
              <Text size="xs" c="dimmed">
                None listed: the product gets Development, Staging and Production. Add environments to choose your own, e.g. Production and Sandbox.
              </Text>
            ) : (
              envs.map((_, index) => (
                // Rows have no identity of their own but their position, which is also how the API names their errors.
                <Group key={index} align="flex-start" wrap="wrap">
                  <TextInput {...envField(index, 'name')} label={`Environment ${index + 1} name`} placeholder="Production" miw={160} style={{ flex: 1 }} />
                  <TextInput {...envField(index, 'slug')} label={`Environment ${index + 1} slug`} placeholder="prd" required spellCheck={false} miw={120} style={{ flex: 1 }} />
                  <ActionIcon variant="subtle" color="red" mt={28} aria-label={`Remove environment ${index + 1}`} onClick={() => setEnvs(envs.filter((_, at) => at !== index))}>
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))
            )}
            <Group>
              <Button variant="default" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setEnvs([...envs, { slug: '', name: '' }])}>
                Add environment
              </Button>
            </Group>
          </Stack>
          <FormActions submitLabel="Create product" submitting={create.isPending} />
        </Stack>
      </form>
    </Paper>
  );
}

/** The API's names for the env rows' fields, mapped to the form's own (the same names). */
function envFieldNames(count: number): Record<string, EnvField> {
  const names: Record<string, EnvField> = {};
  for (let index = 0; index < count; index += 1) {
    for (const part of ['slug', 'name'] as const) names[`envs.${index}.${part}`] = `envs.${index}.${part}`;
  }
  return names;
}
