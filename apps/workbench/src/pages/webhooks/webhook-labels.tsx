import { Badge, Text } from '@mantine/core';
import type { WebhookDeliveryState, WebhookEventStatus, WebhookEventSummary, WebhookScheme } from '@switchboard/sdk';

/** Every scheme the API accepts, with what the sender sends: a scheme the SDK adds fails to compile here. */
export const WEBHOOK_SCHEMES: Record<WebhookScheme, { label: string; description: string }> = {
  stripe: { label: 'Stripe', description: 'Stripe-Signature: t=…,v1=… (HMAC-SHA256 of t.payload)' },
  github: { label: 'GitHub', description: 'X-Hub-Signature-256: sha256=<hex>' },
  twilio: { label: 'Twilio', description: 'X-Twilio-Signature (HMAC-SHA1 of the URL and sorted form parameters)' },
  shopify: { label: 'Shopify', description: 'X-Shopify-Hmac-Sha256 (base64)' },
  standard: { label: 'Standard Webhooks', description: 'webhook-id, webhook-timestamp, webhook-signature: v1,<base64> (Svix and others)' },
  hmac: { label: 'Generic HMAC', description: 'Your algorithm, encoding, header, prefix and signed content' },
};

/** Every status an event can have, with its label and color. */
export const WEBHOOK_EVENT_STATUSES: Record<WebhookEventStatus, { label: string; color: string }> = {
  refused: { label: 'Refused', color: 'red.9' },
  stored: { label: 'Stored (to pull)', color: 'gray' },
  queued: { label: 'Queued', color: 'indigo' },
  // Shade 9 of violet, grape, pink and red: white on yellow.9 (3.0:1) or orange.9 (4.3:1) is short of 4.5:1.
  held: { label: 'Held (delivery disabled)', color: 'violet.9' },
  delivered: { label: 'Delivered', color: 'teal.9' },
  dead_lettered: { label: 'Dead-lettered', color: 'grape.9' },
};

export function WebhookEventStatusBadge({ status }: { status: WebhookEventStatus }) {
  const { label, color } = WEBHOOK_EVENT_STATUSES[status];
  return (
    <Badge color={color} tt="none">
      {label}
    </Badge>
  );
}

/** Every state of delivery to a forward URL, with its label and color. */
export const WEBHOOK_DELIVERY_STATES: Record<WebhookDeliveryState['state'], { label: string; color: string }> = {
  healthy: { label: 'Healthy', color: 'teal.9' },
  failing: { label: 'Failing', color: 'pink.9' },
  disabled: { label: 'Disabled', color: 'red.9' },
};

export function WebhookDeliveryBadge({ state }: { state: WebhookDeliveryState['state'] }) {
  const { label, color } = WEBHOOK_DELIVERY_STATES[state];
  return (
    <Badge color={color} tt="none">
      {label}
    </Badge>
  );
}

/** The signature check's outcome in words: "Verified", or "Failed: signature_invalid". */
export function verificationText(event: Pick<WebhookEventSummary, 'verification'>): string {
  return event.verification.ok ? 'Verified' : `Failed: ${event.verification.reason ?? 'no reason given'}`;
}

/** Where a webhook's events go: its forward URL, or "pull" when the product pulls them. */
export function ForwardTarget({ forwardUrl }: { forwardUrl: string | null }) {
  return forwardUrl === null ? (
    <Text size="sm" c="dimmed">
      pull
    </Text>
  ) : (
    <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
      {forwardUrl}
    </Text>
  );
}
