import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { AuditEvent } from '@switchboard/sdk';
import { IconRefresh } from '@tabler/icons-react';
import { useAuditLogQuery } from '../../api/audit';
import { useCurrentMember } from '../../api/members';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DataTable, TagText, type Column } from '../../components/data-table';
import { ListSkeleton } from '../../components/list-skeleton';
import { MemberName } from '../../components/member-name';
import { NeedsRole } from '../../components/needs-role';
import { QueryContent } from '../../components/query-content';
import { usePageTitle } from '../../components/use-page-title';
import { SettingsHeading } from '../../components/settings-heading';

const AUDIT_COLUMNS: readonly Column<AuditEvent>[] = [
    { header: 'When', cell: (event) => <Text size="sm">{new Date(event.at).toLocaleString()}</Text> },
    // A removed member's events stay: their user id is all that is left of them.
    { header: 'Who', cell: (event) => <MemberName userId={event.user_id} /> },
    { header: 'Operation', cell: (event) => <TagText>{event.operation}</TagText> },
    {
      header: 'Path and resource',
      cell: (event) => (
        <>
          <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
            {event.path}
          </Text>
          {event.resource === null ? null : (
            <Text size="xs" c="dimmed">
              {event.resource}
            </Text>
          )}
        </>
      ),
    },
    { header: 'Status', cell: (event) => event.status },
    { header: 'IP', cell: (event) => <TagText>{event.ip}</TagText> },
    { header: 'Credential', cell: (event) => (event.key_id === null ? <Text size="sm">session</Text> : <TagText>{event.key_id}</TagText>) },
];

/** Workspace settings → Audit log (admins): every change a member made, newest first, 50 a page. */
export function AuditLogPage() {
  usePageTitle('Audit log');
  const current = useCurrentMember();
  return (
    <Stack gap="lg">
      <SettingsHeading id="audit-heading" title="Audit log">
        Who changed which app, product, connection, webhook, member, key or secret, when and from where. Request bodies are never kept, so no
        secret value or key is in it; runs are in the run log.
      </SettingsHeading>
      <QueryContent query={current.members} loadingLabel="Loading the audit log" errorTitle="Could not load the members">
        {() => (
          <NeedsRole role="admin" notice="read the audit log">
            <AuditLog />
          </NeedsRole>
        )}
      </QueryContent>
    </Stack>
  );
}

function AuditLog() {
  const events = useAuditLogQuery();
  if (events.isPending) return <ListSkeleton label="Loading the audit log" />;
  if (events.data === undefined) return <ApiErrorAlert title="Could not load the audit log" error={events.error} onRetry={events.refetch} />;
  return (
    <>
      <Group>
        <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => void events.refetch()} loading={events.isRefetching && !events.isFetchingNextPage}>
          Refresh
        </Button>
      </Group>
      {events.data.length === 0 ? (
        <Paper withBorder p="md">
          <Text c="dimmed">No changes yet.</Text>
        </Paper>
      ) : (
        <DataTable labelledBy="audit-heading" rows={events.data} columns={AUDIT_COLUMNS} rowKey={(event) => event.event_id} minWidth={960} />
      )}
      {events.hasNextPage ? (
        <Group>
          <Button variant="default" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
            Show older events
          </Button>
        </Group>
      ) : events.data.length === 0 ? null : (
        <Text size="sm" c="dimmed">
          {events.data.length} event{events.data.length === 1 ? '' : 's'}: the whole log.
        </Text>
      )}
      {events.isFetchNextPageError ? <ApiErrorAlert title="Could not load more events" error={events.error} onRetry={events.fetchNextPage} /> : null}
    </>
  );
}
