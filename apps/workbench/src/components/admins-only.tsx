import { Alert, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';

/** What a page an admin's role is needed for shows a member of another role, instead of a 403 and dead buttons. */
export function AdminsOnly({ what, role }: { what: string; role: string }) {
  return (
    <Alert color="gray" variant="light" title="Admins only" icon={<IconLock aria-hidden />}>
      <Text size="sm">
        Only an admin or the owner can {what}; your role is {role}. Ask a workspace admin if you need it.
      </Text>
    </Alert>
  );
}
