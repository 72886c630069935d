import { Center, Loader } from '@mantine/core';

/** A whole page's loading state, announced to screen readers by `label`. */
export function PageLoading({ label }: { label: string }) {
  return (
    <Center h="100vh">
      <Loader aria-label={label} />
    </Center>
  );
}
