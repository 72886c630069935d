import { Anchor } from '@mantine/core';
import type { AppListItem } from '@switchboard/sdk';
import { Link } from 'react-router';
import { useAppsQuery } from '../../api/apps';
import { DataTable, TagText, type Column } from '../../components/data-table';
import { EnvBadges } from '../../components/env-badges';
import { PageSection } from '../../components/page-section';
import { Paged } from '../../components/paged';
import { QueryContent } from '../../components/query-content';

const COLUMNS: readonly Column<AppListItem>[] = [
  {
    header: 'Tag',
    cell: (app) => (
      <Anchor component={Link} to={`/apps/${encodeURIComponent(app.tag)}`}>
        <TagText>{app.tag}</TagText>
      </Anchor>
    ),
  },
  { header: 'Name', cell: (app) => app.name },
  { header: 'Environments', cell: (app) => <EnvBadges envs={app.envs} /> },
  { header: 'Actions', cell: (app) => app.action_count },
];

/** The workspace's apps: registered, imported or installed from the marketplace. */
export function AppsSection() {
  const apps = useAppsQuery();
  return (
    <PageSection title="Apps" headingId="apps-heading">
      <QueryContent query={apps} loadingLabel="Loading apps" errorTitle="Could not load the apps" empty="No apps in this workspace yet.">
        {(list) => (
          <Paged items={list} noun="apps">
            {(page) => <DataTable labelledBy="apps-heading" rows={page} columns={COLUMNS} rowKey={(app) => app.tag} />}
          </Paged>
        )}
      </QueryContent>
    </PageSection>
  );
}
