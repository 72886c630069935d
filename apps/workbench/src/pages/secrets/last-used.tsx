import { Text } from '@mantine/core';

/** When a run last used a secret (the vault keeps it to the minute), or that none has; who used it is in its audit log. */
export function LastUsed({ at }: { at: string | null }) {
  return at === null ? (
    <Text size="sm" c="dimmed">
      Not used yet
    </Text>
  ) : (
    <Text size="sm">{new Date(at).toLocaleString()}</Text>
  );
}
