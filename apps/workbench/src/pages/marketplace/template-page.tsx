import { Anchor, Badge, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTemplateQuery } from '../../api/marketplace';
import { paths } from '../../app/paths';
import { QueryContent } from '../../components/query-content';
import { usePageTitle } from '../../components/use-page-title';
import { InstallTemplateForm } from './install-template-form';
import { TemplateContents } from './template-contents';
import { categoryLabel } from './template-labels';
import { TemplateLogo } from './template-logo';
import { NeedsRole } from '../../components/needs-role';

/** One marketplace template: what installing it brings (envs, auth, actions), its docs, and Install. */
export function TemplatePage() {
  const { template: tag = '' } = useParams();
  const template = useTemplateQuery(tag);
  usePageTitle(template.data?.name ?? tag);
  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to={paths.marketplace}>
          Marketplace
        </Anchor>
        <span>{tag}</span>
      </Breadcrumbs>
      <QueryContent query={template} loadingLabel="Loading the template" errorTitle="Could not load the template">
        {(loaded) => (
          <Stack gap="lg">
            <Group gap="md" wrap="nowrap" align="flex-start">
              <TemplateLogo logo={loaded.logo} name={loaded.name} size={56} />
              <Stack gap={4}>
                <Title order={1}>{loaded.name}</Title>
                <Group gap={6}>
                  <Badge variant="light">{categoryLabel(loaded.category)}</Badge>
                  <Badge variant="default">version {loaded.version}</Badge>
                  {loaded.source === 'workspace' ? (
                    <Badge variant="outline" color="grape">
                      Private listing of this workspace
                    </Badge>
                  ) : null}
                </Group>
              </Stack>
            </Group>
            <Text>{loaded.description}</Text>
            {loaded.docs_url === null ? null : (
              <Anchor href={loaded.docs_url} target="_blank" rel="noopener noreferrer">
                <Group gap={4} component="span">
                  API documentation <IconExternalLink size={16} aria-label="(opens in a new tab)" />
                </Group>
              </Anchor>
            )}
            <NeedsRole role="developer" notice="install apps from the marketplace">
              <InstallTemplateForm template={loaded} />
            </NeedsRole>
            <TemplateContents app={loaded.app} />
          </Stack>
        )}
      </QueryContent>
    </Stack>
  );
}
