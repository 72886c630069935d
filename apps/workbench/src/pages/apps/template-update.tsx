import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { App } from '@switchboard/sdk';
import { useApplyTemplateUpdateMutation, useTemplateUpdatePreviewQuery } from '../../api/apps';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { AppDiffView } from '../../components/app-diff-view';

/**
 * For an app installed from a marketplace template that has moved on: what updating would change, and Apply. Nothing
 * for an app that is current or was not installed from a template.
 */
export function TemplateUpdate({ app }: { app: App }) {
  // The app's own `update_available` knows only the built-in templates: the preview also knows the workspace's own.
  const preview = useTemplateUpdatePreviewQuery(app.tag, app.template !== null);
  const apply = useApplyTemplateUpdateMutation();
  if (app.template === null || preview.isPending || (preview.isSuccess && !preview.data.update_available)) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="template-update-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="template-update-heading">
          Update available
        </Title>
        {preview.isError ? (
          <ApiErrorAlert title="Could not compare with the template's newest version" error={preview.error} onRetry={preview.refetch} />
        ) : (
          <>
            <Text size="sm">
              Template {preview.data.template} v{preview.data.from_version} → v{preview.data.to_version}. Applying replaces this app's definition with the
              template's: changes made to the app in this workspace are overwritten, as listed here.
            </Text>
            <AppDiffView diff={preview.data.diff} labelledBy="template-update-heading" />
            <Group>
              <Button
                loading={apply.isPending}
                onClick={() =>
                  apply.mutate(app.tag, {
                    onSuccess: (updated) =>
                      notifications.show({ color: 'green', title: 'App updated', message: `${updated.tag} is at template version ${updated.template?.version ?? ''}.` }),
                  })
                }
              >
                Apply update
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
