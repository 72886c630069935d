import { Text } from '@mantine/core';
import { AUDIT_MAX_LIMIT, type LastUses } from './last-uses';

/** When a secret was last used and by which connected app, or that it never was (as far as the page read says). */
export function LastUsed({ secretKey, lastUses }: { secretKey: string; lastUses: LastUses }) {
  const use = lastUses.byKey.get(secretKey);
  if (use !== undefined) {
    return (
      <Text size="sm">
        {new Date(use.at).toLocaleString()}
        <Text span size="xs" c="dimmed" display="block">
          {use.access_tag ?? use.app} in {use.env}
        </Text>
      </Text>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      {lastUses.complete ? 'Never' : `Not in the newest ${AUDIT_MAX_LIMIT} audit entries`}
    </Text>
  );
}
