import { Anchor, Button, DataList, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { Secret } from '@switchboard/sdk';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useSecretAuditQuery, useSecretsQuery } from '../../api/secrets';
import { DetailItem } from '../../components/detail-item';
import { NeedsRole } from '../../components/needs-role';
import { QueryContent } from '../../components/query-content';
import { secretReference } from '../../components/secret-reference';
import { CopyReferenceButton } from './copy-reference-button';
import { DeleteSecretModal } from './delete-secret-modal';
import { LastUsed } from './last-used';
import { RotateSecretModal } from './rotate-secret-modal';
import { AUDIT_ACTION_LABELS, SecretAuditTable } from './secret-audit-table';
import { Expiry, UsageList } from './secret-usage-rules';
import { versionsOf } from './secret-versions';
import { MemberName } from '../../components/member-name';

/** The audit API's largest page (`limit` 1-500). */
const AUDIT_MAX_LIMIT = 500;

// The audit API pages by `limit` alone (newest first, no cursor): "Show older entries" asks again for more, up to its maximum.
const AUDIT_LIMITS = [50, 100, 200, AUDIT_MAX_LIMIT];

/** One secret: its metadata, its versions and its audit log. Its value is never read here (that read is audited). */
export function SecretDetailPage() {
  const { key = '' } = useParams();
  const secrets = useSecretsQuery();
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/settings/secrets" size="sm">
        ← Secrets
      </Anchor>
      <QueryContent query={secrets} loadingLabel="Loading the secret" errorTitle="Could not load the secret">
        {(list) => {
          const secret = list.find((candidate) => candidate.key === key);
          return secret === undefined ? <MissingSecret secretKey={key} /> : <SecretDetail secret={secret} />;
        }}
      </QueryContent>
    </Stack>
  );
}

function MissingSecret({ secretKey }: { secretKey: string }) {
  return (
    <Stack gap="sm">
      <Title order={1}>Secret not found</Title>
      <Text>
        This workspace has no secret named <code>{secretKey}</code>: it may have been deleted.
      </Text>
    </Stack>
  );
}

function SecretDetail({ secret }: { secret: Secret }) {
  const navigate = useNavigate();
  const [limitStep, setLimitStep] = useState(0);
  const limit = AUDIT_LIMITS[limitStep];
  const audit = useSecretAuditQuery({ key: secret.key, limit });
  const [rotating, setRotating] = useState(false);
  const [deleting, setDeleting] = useState(false);

  return (
    <>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            Workspace settings · Secret
          </Text>
          <Group gap="xs">
            <Title order={1} ff="monospace">
              {secret.key}
            </Title>
            <CopyReferenceButton secretKey={secret.key} />
          </Group>
        </Stack>
        <NeedsRole role="admin">
          <Group gap="xs">
            <Button variant="light" onClick={() => setRotating(true)}>
              Rotate
            </Button>
            <Button variant="light" color="red" onClick={() => setDeleting(true)}>
              Delete
            </Button>
          </Group>
        </NeedsRole>
      </Group>
      <NeedsRole role="admin" notice="rotate or delete secrets" />

      <Paper withBorder p="md" component="section" aria-labelledby="secret-metadata-heading">
        <Title order={2} size="h4" id="secret-metadata-heading" mb="sm">
          Metadata
        </Title>
        <DataList labelWidth={160}>
          <DetailItem label="Reference">
            <code>{secretReference(secret.key)}</code>
          </DetailItem>
          <DetailItem label="Description">{secret.description === '' ? '—' : secret.description}</DetailItem>
          <DetailItem label="Scope">
            <UsageList entries={secret.scope} everyone="Every app" />
          </DetailItem>
          <DetailItem label="Environments">
            <UsageList entries={secret.envs} everyone="Every env" />
          </DetailItem>
          <DetailItem label="Expires">
            <Expiry expiresAt={secret.expires_at} />
          </DetailItem>
          <DetailItem label="Current version">{secret.version}</DetailItem>
          <DetailItem label="Last used">
            <LastUsed at={secret.last_used_at} />
          </DetailItem>
          <DetailItem label="Created">{new Date(secret.created_at).toLocaleString()}</DetailItem>
          <DetailItem label="Updated">{new Date(secret.updated_at).toLocaleString()}</DetailItem>
        </DataList>
      </Paper>

      <Stack component="section" aria-labelledby="secret-versions-heading" gap="sm">
        <Title order={2} size="h3" id="secret-versions-heading">
          Versions
        </Title>
        <Text size="sm" c="dimmed">
          Each rotation makes a new version; runs use only the current one. Read from the audit log below.
        </Text>
        <QueryContent query={audit} loadingLabel="Loading the versions" errorTitle="Could not load the versions">
          {(entries) => (
            <Table.ScrollContainer minWidth={480}>
              <Table aria-label="Versions" verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Version</Table.Th>
                    <Table.Th>Made</Table.Th>
                    <Table.Th>By</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {versionsOf(entries, secret.version).map(({ version, madeBy }) => (
                    <Table.Tr key={version}>
                      <Table.Td>
                        {version}
                        {version === secret.version ? ' (current)' : ''}
                      </Table.Td>
                      <Table.Td>{madeBy === undefined ? 'Before the audit entries shown' : `${AUDIT_ACTION_LABELS[madeBy.action]} ${new Date(madeBy.at).toLocaleString()}`}</Table.Td>
                      <Table.Td>
                        <MemberName userId={madeBy?.user_id ?? null} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryContent>
      </Stack>

      <Stack component="section" aria-labelledby="secret-audit-heading" gap="sm">
        <Title order={2} size="h3" id="secret-audit-heading">
          Audit log
        </Title>
        <QueryContent query={audit} loadingLabel="Loading the audit log" errorTitle="Could not load the audit log" empty="No audit entries yet.">
          {(entries) => (
            <>
              <SecretAuditTable entries={entries} labelledBy="secret-audit-heading" />
              {entries.length < limit ? null : limitStep + 1 < AUDIT_LIMITS.length ? (
                <Group>
                  <Button variant="default" loading={audit.isFetching} onClick={() => setLimitStep(limitStep + 1)}>
                    Show older entries
                  </Button>
                </Group>
              ) : (
                <Text size="sm" c="dimmed">
                  The newest {AUDIT_MAX_LIMIT} entries are shown: the audit API reads no further back.
                </Text>
              )}
            </>
          )}
        </QueryContent>
      </Stack>

      <RotateSecretModal secretKey={rotating ? secret.key : null} onClose={() => setRotating(false)} />
      <DeleteSecretModal secretKey={deleting ? secret.key : null} onClose={() => setDeleting(false)} onDeleted={() => void navigate('/settings/secrets')} />
    </>
  );
}
