import { Badge, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import type { AppImportPreview } from '@switchboard/sdk';
import type { UseMutationResult } from '@tanstack/react-query';
import type { AppImportVariables } from '../../api/app-imports';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { AppDiffView } from '../../components/app-diff-view';
import { ActionSummaryTable } from '../../components/action-summary-table';

type ImportedApp = AppImportPreview['app'];

/** The app a document makes: its envs, auth schemes and actions (summaries: the preview carries no schemas). */
export function ImportOutline({ app }: { app: ImportedApp }) {
  return (
    <Stack gap="md">
      <Stack gap="xs" component="section" aria-labelledby="import-envs-heading">
        <Title order={3} size="h5" id="import-envs-heading">
          Environments ({app.envs.length})
        </Title>
        {app.envs.length === 0 ? (
          <Text size="sm" c="dimmed">
            None: the document names no server. Add an env to the app once it is created.
          </Text>
        ) : (
          <List size="sm" aria-labelledby="import-envs-heading">
            {app.envs.map((env) => (
              <List.Item key={env.slug}>
                <Text span ff="monospace" size="sm">
                  {env.slug}
                </Text>{' '}
                {env.base_url}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="import-auth-heading">
        <Title order={3} size="h5" id="import-auth-heading">
          Auth schemes ({app.auth.length})
        </Title>
        {app.auth.length === 0 ? (
          <Text size="sm" c="dimmed">
            None.
          </Text>
        ) : (
          <Group gap="xs">
            {app.auth.map((scheme) => (
              <Badge key={scheme.tag} variant="outline" tt="none">
                {scheme.tag}: {scheme.type}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="import-actions-heading">
        <Title order={3} size="h5" id="import-actions-heading">
          Actions ({app.actions.length})
        </Title>
        <ActionSummaryTable actions={app.actions} labelledBy="import-actions-heading" />
      </Stack>
    </Stack>
  );
}

/** Every warning the preview lists, with its code, message and where in the document it points. */
export function ImportWarnings({ warnings, total }: { warnings: AppImportPreview['warnings']; total: number }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby="import-warnings-heading">
      <Title order={3} size="h5" id="import-warnings-heading">
        Warnings ({total})
      </Title>
      {total === 0 ? (
        <Text size="sm" c="dimmed">
          None: everything in the document was imported.
        </Text>
      ) : (
        <>
          <Stack component="ul" gap="xs" p={0} m={0} aria-labelledby="import-warnings-heading" style={{ listStyle: 'none' }}>
            {warnings.map((warning, position) => (
              <li key={position}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Text span ff="monospace" fw={700} size="sm" style={{ flexShrink: 0 }}>
                    {warning.code}
                  </Text>
                  <Stack gap={0}>
                    <Text size="sm">{warning.message}</Text>
                    {warning.pointer === undefined ? null : (
                      <Text size="xs" c="dimmed" ff="monospace">
                        at {warning.pointer}
                      </Text>
                    )}
                  </Stack>
                </Group>
              </li>
            ))}
          </Stack>
          {warnings.length < total ? (
            <Text size="sm" c="dimmed">
              The first {warnings.length} of {total} warnings are listed.
            </Text>
          ) : null}
        </>
      )}
    </Stack>
  );
}

/** What re-importing into the existing app adds, changes and removes, as the preview of that re-import answers it. */
export function ImportDiff({ mutation }: { mutation: UseMutationResult<AppImportPreview, Error, AppImportVariables> }) {
  if (mutation.isPending) return <Loader size="sm" aria-label="Comparing with the existing app" />;
  if (mutation.isError) return <ApiErrorAlert title="Could not compare with the existing app" error={mutation.error} />;
  const diff = mutation.data?.diff;
  if (diff === undefined) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="import-diff-heading">
      <Title order={3} size="h5" id="import-diff-heading">
        Changes to the existing app
      </Title>
      <AppDiffView diff={diff} labelledBy="import-diff-heading" />
    </Stack>
  );
}

