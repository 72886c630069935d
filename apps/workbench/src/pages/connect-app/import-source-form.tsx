import '@mantine/dropzone/styles.css';
import { Button, Group, Stack, Tabs, Text, Textarea, TextInput } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { IconFileUpload } from '@tabler/icons-react';
import type { AppImportPreview, AppImportSource } from '@switchboard/sdk';
import { useState, type FormEvent } from 'react';
import { usePreviewImportMutation } from '../../api/app-imports';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { formErrorsOf } from '../../components/form-errors';

type SourceKind = 'file' | 'text' | 'url';
// The platform refuses documents over 10 MiB (document_too_large); a bigger file is refused here before it is sent.
const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
const isSourceKind = (value: string | null): value is SourceKind => value === 'file' || value === 'text' || value === 'url';

/** Where the document comes from (a file, its pasted text or a URL the platform downloads), then Preview. */
export function ImportSourceForm({ onPreviewed }: { onPreviewed: (preview: AppImportPreview) => void }) {
  const preview = usePreviewImportMutation();
  const [kind, setKind] = useState<SourceKind>('file');
  const [file, setFile] = useState<File | undefined>();
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const [missing, setMissing] = useState<string | undefined>();
  // The API names the source it refused `document` (a file's or the text's) or `url`.
  const apiErrors = formErrorsOf(preview.error, { document: 'document', url: 'url' });
  const sourceError = missing ?? (kind === 'url' ? apiErrors.fields.url : apiErrors.fields.document);

  const source = (): AppImportSource | undefined => {
    if (kind === 'file') return file;
    if (kind === 'text') return text.trim() === '' ? undefined : text;
    return url.trim() === '' ? undefined : { url: url.trim() };
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = source();
    preview.reset();
    setMissing(chosen === undefined ? { file: 'Choose a file', text: 'Paste the document', url: 'URL is required' }[kind] : undefined);
    if (chosen !== undefined) preview.mutate({ source: chosen }, { onSuccess: onPreviewed });
  };
  const rejected = (rejections: FileRejection[]) => setMissing(rejections.flatMap((rejection) => rejection.errors.map((error) => error.message)).join('; '));

  return (
    <form onSubmit={submit} noValidate aria-label="API document">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          An OpenAPI 3.x, Swagger 2.0 or Postman 2.1 document, in JSON or YAML. The preview shows the app it makes before anything is created.
        </Text>
        {apiErrors.unplaced === undefined ? null : <ApiErrorAlert title="Could not read the document" error={apiErrors.unplaced} />}
        <Tabs
          value={kind}
          onChange={(value) => {
            if (isSourceKind(value)) setKind(value);
            setMissing(undefined);
          }}
        >
          <Tabs.List>
            <Tabs.Tab value="file">Upload file</Tabs.Tab>
            <Tabs.Tab value="text">Paste text</Tabs.Tab>
            <Tabs.Tab value="url">URL</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="file" pt="md">
            <Dropzone
              onDrop={(files) => {
                setFile(files[0]);
                setMissing(undefined);
              }}
              onReject={rejected}
              maxSize={MAX_DOCUMENT_BYTES}
              multiple={false}
              role="button"
              aria-label="Choose an API document file"
              aria-describedby={sourceError === undefined ? undefined : 'import-source-error'}
            >
              <Group justify="center" gap="md" mih={100} style={{ pointerEvents: 'none' }}>
                <IconFileUpload size={36} aria-hidden />
                <Stack gap={2}>
                  <Text>{file === undefined ? 'Drop the document here, or click to choose a file' : file.name}</Text>
                  <Text size="sm" c="dimmed">
                    {file === undefined ? 'Up to 10 MiB' : `${Math.ceil(file.size / 1024)} KiB: drop or choose another to replace it`}
                  </Text>
                </Stack>
              </Group>
            </Dropzone>
          </Tabs.Panel>
          <Tabs.Panel value="text" pt="md">
            <Textarea label="Document text" autosize minRows={8} maxRows={16} spellCheck={false} ff="monospace" value={text} error={kind === 'text' ? sourceError : undefined} onChange={(event) => setText(event.currentTarget.value)} />
          </Tabs.Panel>
          <Tabs.Panel value="url" pt="md">
            <TextInput label="Document URL" description="The platform downloads it through its outbound address policy" type="url" spellCheck={false} value={url} error={kind === 'url' ? sourceError : undefined} onChange={(event) => setUrl(event.currentTarget.value)} />
          </Tabs.Panel>
        </Tabs>
        {kind === 'file' && sourceError !== undefined ? (
          <Text size="sm" c="var(--mantine-color-error)" id="import-source-error">
            {sourceError}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={preview.isPending}>
            Preview
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
