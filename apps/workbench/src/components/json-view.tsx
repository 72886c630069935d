import { Code } from '@mantine/core';

/** A value as indented JSON (a string as it is), in a scrollable block: a named region keys can reach to scroll it. */
export function JsonView({ value, label }: { value: unknown; label: string }) {
  return (
    <Code block role="region" aria-label={label} style={{ maxHeight: 360, overflow: 'auto' }} tabIndex={0}>
      {typeof value === 'string' ? value : JSON.stringify(value, null, 2)}
    </Code>
  );
}
