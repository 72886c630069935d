import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { MarketplaceTemplateList } from '@switchboard/sdk';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { categoryLabel } from './template-labels';
import { TemplateLogo } from './template-logo';

type TemplateSummary = MarketplaceTemplateList['items'][number];

/** One listing: logo, name (the link to its detail), category and description. */
export function TemplateCard({ template }: { template: TemplateSummary }) {
  return (
    <Card withBorder padding="md" component="li">
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap">
          <TemplateLogo logo={template.logo} name={template.name} />
          <Stack gap={2}>
            <Title order={2} size="h4">
              <Anchor component={Link} to={paths.template(template.tag)}>
                {template.name}
              </Anchor>
            </Title>
            <Group gap={4}>
              <Badge variant="light" size="sm">
                {categoryLabel(template.category)}
              </Badge>
              {template.source === 'workspace' ? (
                <Badge variant="outline" color="grape" size="sm">
                  Private listing
                </Badge>
              ) : null}
            </Group>
          </Stack>
        </Group>
        <Text size="sm" lineClamp={3}>
          {template.description}
        </Text>
        <Text size="xs" c="dimmed">
          {template.action_count === 1 ? '1 action' : `${template.action_count} actions`} · version {template.version}
        </Text>
      </Stack>
    </Card>
  );
}
