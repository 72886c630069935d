import { Badge, Button, Checkbox, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import type { App, AppImportPreview } from '@switchboard/sdk';
import { useState, type FormEvent } from 'react';
import { useCommitImportMutation, usePreviewImportMutation } from '../../api/app-imports';
import { useAppsQuery } from '../../api/apps';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { formErrorsOf } from '../../components/form-errors';
import { ImportDiff, ImportOutline, ImportWarnings } from './import-outline';

const FORMAT_LABELS = { openapi: 'OpenAPI', swagger: 'Swagger', postman: 'Postman' } satisfies Record<AppImportPreview['format'], string>;

interface ImportPreviewViewProps {
  preview: AppImportPreview;
  onBack: () => void;
  onCommitted: (app: App) => void;
}

/**
 * The app a previewed document makes, with its tag and name editable, and every warning. A tag the workspace already
 * has may be re-imported into instead: the diff of that re-import is previewed before Update replaces the app.
 */
export function ImportPreviewView({ preview, onBack, onCommitted }: ImportPreviewViewProps) {
  const apps = useAppsQuery();
  const commit = useCommitImportMutation();
  const diffPreview = usePreviewImportMutation();
  const [tag, setTag] = useState(preview.app.tag);
  const [name, setName] = useState(preview.app.name);
  const [reimport, setReimport] = useState(false);
  const existing = apps.data?.find((app) => app.tag === tag.trim());
  const replacing = reimport && existing !== undefined;
  // `app` is the tag field too, when re-importing into an existing app.
  const apiErrors = formErrorsOf(commit.error, { tag: 'tag', app: 'tag', name: 'name' });
  const importId = { import_id: preview.import_id };

  const chooseReimport = (checked: boolean) => {
    setReimport(checked);
    commit.reset();
    diffPreview.reset();
    if (checked && existing !== undefined) diffPreview.mutate({ source: importId, options: { app: existing.tag } });
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const options = replacing ? { app: existing.tag } : { tag: tag.trim(), ...(name.trim() === '' ? {} : { name: name.trim() }) };
    commit.mutate({ source: importId, options }, { onSuccess: (result) => onCommitted(result.app) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Import preview">
      <Stack gap="md">
        <Group gap="xs">
          <Badge variant="light">
            {FORMAT_LABELS[preview.format]} {preview.version}
          </Badge>
          <Text size="sm" c="dimmed">
            Nothing is created until you press {replacing ? 'Update app' : 'Create app'}.
          </Text>
        </Group>
        {apiErrors.unplaced === undefined ? null : <ApiErrorAlert title="Could not import the app" error={apiErrors.unplaced} />}
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label="Tag"
            description="Letters, digits, _ and -; used in API calls"
            required
            spellCheck={false}
            miw={200}
            value={tag}
            error={apiErrors.fields.tag}
            onChange={(event) => {
              setTag(event.currentTarget.value);
              chooseReimport(false);
            }}
          />
          <TextInput label="Name" miw={200} disabled={replacing} value={name} error={apiErrors.fields.name} onChange={(event) => setName(event.currentTarget.value)} />
        </Group>
        {existing === undefined ? null : (
          <Paper withBorder p="sm">
            <Stack gap="xs">
              <Text fw={700} size="sm">
                The workspace already has an app tagged {existing.tag}
              </Text>
              <Text size="sm">Change the tag to create another app, or re-import the document into {existing.name}, replacing its envs, actions and auth schemes.</Text>
              <Checkbox label={`Re-import into ${existing.name} (${existing.tag})`} checked={reimport} onChange={(event) => chooseReimport(event.currentTarget.checked)} />
            </Stack>
          </Paper>
        )}
        {replacing ? <ImportDiff mutation={diffPreview} /> : null}
        <ImportOutline app={preview.app} />
        <ImportWarnings warnings={preview.warnings} total={preview.warning_total} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onBack}>
            Choose another document
          </Button>
          <Button type="submit" loading={commit.isPending} disabled={replacing && !diffPreview.isSuccess}>
            {replacing ? 'Update app' : 'Create app'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
