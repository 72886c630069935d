import { Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled part of a page: a <section> named by its h2 (`headingId` is for tables and forms it labels too). */
export function PageSection({ title, headingId, children }: { title: string; headingId: string; children: ReactNode }) {
  return (
    <Stack component="section" aria-labelledby={headingId} gap="md">
      <Title order={2} id={headingId}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}
