import { Badge } from '@mantine/core';
import type { RunRecordStatus } from '@switchboard/sdk';

/** Every status a run record can have, with its label and color: a status the SDK adds fails to compile here. */
export const RUN_STATUSES: Record<RunRecordStatus, { label: string; color: string }> = {
  queued: { label: 'Queued', color: 'gray' },
  running: { label: 'Running', color: 'indigo' },
  succeeded: { label: 'Succeeded', color: 'teal.9' },
  failed: { label: 'Failed', color: 'red.9' },
  dead_lettered: { label: 'Dead-lettered', color: 'grape.9' },
};

export function RunStatusBadge({ status }: { status: RunRecordStatus }) {
  const { label, color } = RUN_STATUSES[status];
  return (
    <Badge color={color} tt="none">
      {label}
    </Badge>
  );
}
