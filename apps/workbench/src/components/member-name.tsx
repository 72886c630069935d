import { Text } from '@mantine/core';
import { useMembersQuery } from '../api/members';
import { TagText } from './data-table';

/**
 * Who a user id is: the member's name over the id, or the id alone for someone no longer a member (their entries
 * stay) or while the members list loads.
 */
export function MemberName({ userId }: { userId: string | null }) {
  const members = useMembersQuery();
  if (userId === null) return <>—</>;
  const name = members.data?.find((member) => member.user_id === userId)?.name;
  if (name === undefined) return <TagText>{userId}</TagText>;
  return (
    <>
      <Text size="sm">{name}</Text>
      <Text size="xs" c="dimmed" ff="monospace">
        {userId}
      </Text>
    </>
  );
}
