import { Button, Group, Stack, Text } from '@mantine/core';
import type { WebhookForwardingSecret } from '@switchboard/sdk';
import { useState, type ReactNode } from 'react';
import { useForwardingSecretQuery } from '../../api/webhooks';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { CopyTextButton } from '../../components/copy-text-button';
import { RotateForwardingSecretModal } from './rotate-forwarding-secret-modal';

/**
 * The `whsec_…` secret forwarded events are signed with, hidden until Reveal: only then is it asked, and Hide drops
 * it from memory (the query keeps nothing once unobserved). It is never written to storage or logged. After Rotate
 * only the instant the replaced secret stops signing is kept; its value shows on Reveal, asked with the current one.
 */
export function ForwardingSecret({ product, tag }: { product: string; tag: string }) {
  const [revealed, setRevealed] = useState(false);
  const [rotating, setRotating] = useState(false);
  const [previousExpiresAt, setPreviousExpiresAt] = useState<string | null>(null);
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed" maw={720}>
        Your endpoint verifies each forwarded event with this secret and any Standard Webhooks library: the headers are <code>webhook-id</code>{' '}
        (drop a repeat), <code>webhook-timestamp</code> and <code>webhook-signature</code>.
      </Text>
      {revealed ? (
        <RevealedSecret product={product} tag={tag} onHide={() => setRevealed(false)} />
      ) : (
        <Stack gap="xs">
          <Group gap="sm">
            <Text ff="monospace" c="dimmed">
              whsec_•••••••• (hidden)
            </Text>
            <Button size="xs" variant="light" onClick={() => setRevealed(true)}>
              Reveal
            </Button>
          </Group>
          {previousExpiresAt === null ? null : <PreviousSecretExpiry expiresAt={previousExpiresAt} />}
        </Stack>
      )}
      <Group>
        <Button size="xs" variant="default" onClick={() => setRotating(true)}>
          Rotate
        </Button>
      </Group>
      {rotating ? (
        <RotateForwardingSecretModal
          product={product}
          tag={tag}
          onClose={() => setRotating(false)}
          onRotated={(expiresAt) => {
            setPreviousExpiresAt(expiresAt);
            setRotating(false);
          }}
        />
      ) : null}
    </Stack>
  );
}

function PreviousSecretExpiry({ expiresAt }: { expiresAt: string }) {
  return <Text size="sm">The previous secret also signs forwarded events until {new Date(expiresAt).toLocaleString()}.</Text>;
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
  if (secret.data === undefined) {
    return (
      <Group gap="sm">
        <Text size="sm" c="dimmed" role="status">
          Loading the forwarding secret…
        </Text>
        {hide}
      </Group>
    );
  }
  return <SecretValues secret={secret.data} hide={hide} />;
}

function SecretValues({ secret, hide }: { secret: WebhookForwardingSecret; hide: ReactNode }) {
  return (
    <Stack gap="xs">
      <Group gap="sm" wrap="nowrap">
        <Text ff="monospace" style={{ wordBreak: 'break-all' }}>
          {secret.secret}
        </Text>
        <CopyTextButton text={secret.secret} label="Copy the forwarding secret" copied={{ title: 'Secret copied', message: 'The forwarding secret is on the clipboard: give it to your endpoint’s verifier.' }} />
        {hide}
      </Group>
      {secret.previous === null ? null : (
        <>
          <PreviousSecretExpiry expiresAt={secret.previous.expires_at} />
          <Group gap="sm" wrap="nowrap">
            <Text ff="monospace" style={{ wordBreak: 'break-all' }}>
              {secret.previous.secret}
            </Text>
            <CopyTextButton
              text={secret.previous.secret}
              label="Copy the previous forwarding secret"
              copied={{ title: 'Previous secret copied', message: 'The previous forwarding secret is on the clipboard.' }}
            />
          </Group>
        </>
      )}
    </Stack>
  );
}
