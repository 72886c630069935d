import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePageTitle } from '../components/use-page-title';

/** Any address the route table does not know. */
export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <Stack gap="sm">
      <Title order={1}>Page not found</Title>
      <Text>There is no workbench page at this address.</Text>
      <Anchor component={Link} to="/">
        Back to the workspace
      </Anchor>
    </Stack>
  );
}
