import { Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { MarketplaceTemplateView } from '@switchboard/sdk';
import { SwitchboardError } from '@switchboard/sdk';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAppsQuery } from '../../api/apps';
import { useInstallTemplateMutation } from '../../api/marketplace';
import { paths } from '../../app/paths';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { formErrorsOf } from '../../components/form-errors';

/**
 * Install: copies the template into the workspace under the tag given (the template's by default), then opens the new
 * app. Apps already installed from it are named, with a link; installing again needs another tag.
 */
export function InstallTemplateForm({ template }: { template: MarketplaceTemplateView }) {
  const install = useInstallTemplateMutation();
  const apps = useAppsQuery();
  const navigate = useNavigate();
  const [tag, setTag] = useState(template.tag);
  const installed = apps.data?.filter((app) => app.template?.tag === template.tag) ?? [];
  const apiErrors = formErrorsOf(install.error, { tag: 'tag' });
  const taken = install.error instanceof SwitchboardError && install.error.code === 'app_tag_taken' ? tag.trim() : undefined;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = tag.trim();
    install.mutate({ template: template.tag, ...(chosen === '' || chosen === template.tag ? {} : { tag: chosen }) }, { onSuccess: (app) => void navigate(paths.app(app.tag)) });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="install-heading">
      <form onSubmit={submit} noValidate aria-labelledby="install-heading">
        <Stack gap="sm">
          <Title order={2} size="h3" id="install-heading">
            Install
          </Title>
          {installed.length === 0 ? null : (
            <Paper withBorder p="sm" bg="var(--mantine-color-body)">
              <Text fw={700} size="sm">
                Already installed
              </Text>
              <Text size="sm">
                This workspace has it as{' '}
                {installed.map((app, position) => (
                  <span key={app.tag}>
                    {position === 0 ? '' : ', '}
                    <Anchor component={Link} to={paths.app(app.tag)}>
                      {app.name} ({app.tag})
                    </Anchor>
                  </span>
                ))}
                . Install it again under another tag to get a second copy.
              </Text>
            </Paper>
          )}
          {apiErrors.unplaced === undefined ? null : <ApiErrorAlert title="Could not install the template" error={apiErrors.unplaced} />}
          <TextInput
              label="App tag"
              description="The app's tag in this workspace"
              spellCheck={false}
              value={tag}
              error={apiErrors.fields.tag}
              onChange={(event) => {
                setTag(event.currentTarget.value);
                install.reset();
              }}
              maw={420}
            />
          {taken === undefined ? null : (
            <Anchor component={Link} to={paths.app(taken)} size="sm">
              Open the app tagged {taken}
            </Anchor>
          )}
          <div>
            <Button type="submit" loading={install.isPending} leftSection={<IconDownload size={18} aria-hidden />}>
              Install
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
