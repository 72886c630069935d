import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useForwardingSecretQuery } from '../../api/webhooks';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { CopyTextButton } from '../../components/copy-text-button';

/**
 * The `whsec_…` secret forwarded events are signed with, hidden until Reveal: only then is it asked, and Hide drops
 * it from memory (the query keeps nothing once unobserved). It is never written to storage or logged.
 */
export function ForwardingSecret({ product, tag }: { product: string; tag: string }) {
  const [revealed, setRevealed] = useState(false);
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed" maw={720}>
        Your endpoint verifies each forwarded event with this secret and any Standard Webhooks library: the headers are <code>webhook-id</code>{' '}
        (drop a repeat), <code>webhook-timestamp</code> and <code>webhook-signature</code>.
      </Text>
      {revealed ? (
        <RevealedSecret product={product} tag={tag} onHide={() => setRevealed(false)} />
      ) : (
        <Group gap="sm">
          <Text ff="monospace" c="dimmed">
            whsec_•••••••• (hidden)
          </Text>
          <Button size="xs" variant="light" onClick={() => setRevealed(true)}>
            Reveal
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function RevealedSecret({ product, tag, onHide }: { product: string; tag: string; onHide: () => void }) {
  const secret = useForwardingSecretQuery(product, tag, true);
  const hide = (
    <Button size="xs" variant="light" onClick={onHide}>
      Hide
    </Button>
  );
  if (secret.isError) {
    return (
      <Stack gap="xs">
        <ApiErrorAlert title="Could not load the forwarding secret" error={secret.error} onRetry={secret.refetch} />
        <Group>{hide}</Group>
      </Stack>
    );
  }
  return (
    <Group gap="sm" wrap="nowrap">
      {secret.data === undefined ? (
        <Text size="sm" c="dimmed" role="status">
          Loading the forwarding secret…
        </Text>
      ) : (
        <>
          <Text ff="monospace" style={{ wordBreak: 'break-all' }}>
            {secret.data.secret}
          </Text>
          <CopyTextButton text={secret.data.secret} label="Copy the forwarding secret" copied={{ title: 'Secret copied', message: 'The forwarding secret is on the clipboard: give it to your endpoint’s verifier.' }} />
        </>
      )}
      {hide}
    </Group>
  );
}
