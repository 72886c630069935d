import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SettingsHeadingProps {
  /** The heading's id, which the page's table is labelled by. */
  id: string;
  title: ReactNode;
  /** What the page is for, under the title. */
  children: ReactNode;
}

/** A Workspace settings page's heading: the section above the title, and what the page is for below it. */
export function SettingsHeading({ id, title, children }: SettingsHeadingProps) {
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed">
        Workspace settings
      </Text>
      <Title order={1} id={id}>
        {title}
      </Title>
      <Text c="dimmed" size="sm" maw={640}>
        {children}
      </Text>
    </Stack>
  );
}
