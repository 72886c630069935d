import { Badge, Group } from '@mantine/core';

/** A product's or an app's environments as badges, inactive ones greyed. */
export function EnvBadges({ envs }: { envs: readonly { slug: string; name?: string; active: boolean }[] }) {
  return (
    <Group gap={4}>
      {envs.map((env) => (
        <Badge key={env.slug} variant="light" color={env.active ? 'indigo' : 'gray'}>
          {env.name ?? env.slug}
        </Badge>
      ))}
    </Group>
  );
}
