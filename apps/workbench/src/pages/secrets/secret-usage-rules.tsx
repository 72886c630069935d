import { Badge, Group, Text } from '@mantine/core';

/** A secret's scope or envs: each entry as a badge, or what an empty list means ("every app", "every env"). */
export function UsageList({ entries, everyone }: { entries: readonly string[]; everyone: string }) {
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {everyone}
      </Text>
    );
  }
  return (
    <Group gap={4}>
      {entries.map((entry) => (
        <Badge key={entry} variant="light" color="gray" tt="none">
          {entry}
        </Badge>
      ))}
    </Group>
  );
}

/** An expiry as the user reads it, saying when it has passed. */
export function Expiry({ expiresAt }: { expiresAt: string | null }) {
  if (expiresAt === null) {
    return (
      <Text size="sm" c="dimmed">
        Never
      </Text>
    );
  }
  const expired = Date.parse(expiresAt) <= Date.now();
  return (
    <Text size="sm" c={expired ? 'red.9' : undefined}>
      {new Date(expiresAt).toLocaleString()}
      {expired ? ' (expired)' : ''}
    </Text>
  );
}
