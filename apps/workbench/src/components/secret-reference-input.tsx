import { ActionIcon, Menu, TextInput, type TextInputProps } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useRef } from 'react';
import { useSecretsQuery } from '../api/secrets';
import { describeError } from './describe-error';

interface SecretReferenceInputProps extends Omit<TextInputProps, 'value' | 'onChange' | 'rightSection'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
}

/** A secret's reference as it is written in configurations. */
export function secretReference(key: string): string {
  return `$Token{${key}}`;
}

/**
 * A text field whose value may hold secret references: a menu of the workspace's secrets inserts `$Token{KEY}` at
 * the caret (replacing a selection), so the value itself is never typed here.
 */
export function SecretReferenceInput({ label, value, onChange, ...props }: SecretReferenceInputProps) {
  const input = useRef<HTMLInputElement>(null);
  const secrets = useSecretsQuery();

  function insert(key: string): void {
    const start = input.current?.selectionStart ?? value.length;
    const end = input.current?.selectionEnd ?? value.length;
    const reference = secretReference(key);
    onChange(value.slice(0, start) + reference + value.slice(end));
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.setSelectionRange(start + reference.length, start + reference.length);
    });
  }

  const picker = (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        <ActionIcon variant="subtle" aria-label={`Insert a secret into ${label}`}>
          <IconKey size={16} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Workspace secrets</Menu.Label>
        {secrets.isPending ? <Menu.Item disabled>Loading secrets…</Menu.Item> : null}
        {secrets.isError ? <Menu.Item disabled>Could not load the secrets: {describeError(secrets.error)}</Menu.Item> : null}
        {secrets.data?.length === 0 ? <Menu.Item disabled>No secrets in this workspace yet</Menu.Item> : null}
        {secrets.data?.map((secret) => (
          <Menu.Item key={secret.key} ff="monospace" onClick={() => insert(secret.key)}>
            {secret.key}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );

  return <TextInput {...props} ref={input} label={label} value={value} onChange={(event) => onChange(event.currentTarget.value)} rightSection={picker} ff="monospace" />;
}
