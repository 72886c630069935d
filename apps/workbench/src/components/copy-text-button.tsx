import { ActionIcon, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { describeError } from './describe-error';

interface CopyTextButtonProps {
  text: string;
  /** The button's accessible name and tooltip: "Copy the receive URL of prd". */
  label: string;
  /** The toast once copied: "Reference copied", and what is on the clipboard and what to do with it. */
  copied: { title: string; message: string };
}

/** A copy icon that puts `text` on the clipboard, says so, and says why when the browser refuses. */
export function CopyTextButton({ text, label, copied: confirmation }: CopyTextButtonProps) {
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    try {
      // Browsers offer the clipboard only to secure origins (https, localhost): elsewhere this throws, and we say so.
      await navigator.clipboard.writeText(text);
      setCopied(true);
      notifications.show({ color: 'green', ...confirmation });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not copy to the clipboard', message: describeError(error) });
    }
  };

  return (
    <Tooltip label={copied ? 'Copied' : label} withArrow>
      <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} aria-label={label} onClick={() => void copy()} onBlur={() => setCopied(false)}>
        {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
      </ActionIcon>
    </Tooltip>
  );
}
