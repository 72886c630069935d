import { ActionIcon, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { describeError } from '../../components/describe-error';
import { secretReference } from '../../components/secret-reference';

/** Seed 002's copy icon next to a secret's name: puts `$Token{KEY}` (never the value) on the clipboard and says so. */
export function CopyReferenceButton({ secretKey }: { secretKey: string }) {
  const reference = secretReference(secretKey);
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    try {
      // Browsers offer the clipboard only to secure origins (https, localhost): elsewhere this throws, and we say so.
      await navigator.clipboard.writeText(reference);
      setCopied(true);
      notifications.show({ color: 'green', title: 'Reference copied', message: `${reference} is on the clipboard: paste it where the secret is needed.` });
    } catch (error) {
      notifications.show({ color: 'red', title: `Could not copy ${reference}`, message: describeError(error) });
    }
  };

  return (
    <Tooltip label={copied ? 'Copied' : `Copy ${reference}`} withArrow>
      <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} aria-label={`Copy ${reference}`} onClick={() => void copy()} onBlur={() => setCopied(false)}>
        {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
      </ActionIcon>
    </Tooltip>
  );
}
