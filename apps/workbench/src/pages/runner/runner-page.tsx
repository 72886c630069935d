import { Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useAddressFields } from '../../components/address-fields';
import { useAppActionQuery } from '../../api/apps';
import { useConnectedAppsQuery } from '../../api/connected-apps';
import { QueryContent } from '../../components/query-content';
import { ActionForm } from './action-form';
import { TargetPicker, type RunTarget } from './target-picker';
import { NeedsRole } from '../../components/needs-role';

const TARGET_PARAMS = ['product', 'env', 'app', 'action'] as const;

/** The action runner (developers and above: a plan or a run needs that role): pick a target, edit the input, Plan or Run. */
export function RunnerPage() {
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>Action runner</Title>
        <Text size="sm" c="dimmed" maw={720}>
          Run a connected app&apos;s action with the connection&apos;s configuration. Plan shows exactly what would be sent, references unresolved,
          and every check; Run makes the call.
        </Text>
      </Stack>
      <NeedsRole role="developer" notice="plan and run actions">
        <Runner />
      </NeedsRole>
    </Stack>
  );
}

function Runner() {
  const [target, setTarget] = useAddressFields(TARGET_PARAMS);
  const [targetErrors, setTargetErrors] = useState<Partial<Record<keyof RunTarget, string>>>({});
  const connection = useConnectedAppsQuery(target.product).data?.find((candidate) => candidate.access_tag === target.app);
  const action = useAppActionQuery(connection?.app, target.action);
  const complete = target.product !== undefined && target.env !== undefined && target.app !== undefined && target.action !== undefined;

  const pick = (next: RunTarget) => {
    setTargetErrors({});
    setTarget(next);
  };

  return (
    <>
      <Paper withBorder p="md">
        <TargetPicker target={target} onChange={pick} errors={targetErrors} />
      </Paper>
      {!complete ? (
        <Text c="dimmed">Pick a product, an environment, a connected app and an action to edit its input.</Text>
      ) : (
        <QueryContent query={action} loadingLabel="Loading the action" errorTitle="Could not load the action">
          {(loaded) => (
            <ActionForm
              key={`${target.product}/${target.env}/${target.app}/${target.action}`}
              target={{ product: target.product ?? '', env: target.env ?? '', app: target.app ?? '', action: target.action ?? '' }}
              action={loaded}
              onTargetErrors={setTargetErrors}
            />
          )}
        </QueryContent>
      )}
    </>
  );
}
