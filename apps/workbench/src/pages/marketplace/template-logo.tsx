import { Avatar } from '@mantine/core';

/**
 * A template's logo. The SVG is shown as an image (a data: URL), never put into the page: an image cannot run the
 * scripts or load the resources an SVG document may hold.
 */
export function TemplateLogo({ logo, name, size = 40 }: { logo: string | null; name: string; size?: number }) {
  if (logo === null) {
    return (
      <Avatar size={size} radius="sm" color="indigo" aria-hidden>
        {name.slice(0, 2).toUpperCase()}
      </Avatar>
    );
  }
  return <Avatar size={size} radius="sm" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(logo)}`} alt="" />;
}
