import { Checkbox, Fieldset, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { WebhookHmacOptions, WebhookScheme } from '@switchboard/sdk';
import { useConnectionsQuery } from '../../api/connections';
import { useProductQuery } from '../../api/products';
import { SecretReferenceInput } from '../../components/secret-reference-input';
import { tagOfName, type HmacDraft, type WebhookDraft, type WebhookField } from './webhook-draft';
import { WEBHOOK_SCHEMES } from './webhook-labels';

interface WebhookFieldsProps {
  product: string;
  draft: WebhookDraft;
  setDraft: (draft: WebhookDraft) => void;
  /** Editing: the tag is shown, not changed (the API keeps it). */
  editing: boolean;
  errors: Partial<Record<WebhookField, string>>;
}

const SCHEME_OPTIONS = Object.entries(WEBHOOK_SCHEMES).map(([value, { label }]) => ({ value, label }));
const ALGORITHMS: readonly WebhookHmacOptions['algorithm'][] = ['sha256', 'sha512'];
const ENCODINGS: readonly WebhookHmacOptions['encoding'][] = ['hex', 'base64'];

/** The fields of a webhook, shared by its create and edit forms. */
export function WebhookFields({ product, draft, setDraft, editing, errors }: WebhookFieldsProps) {
  const productQuery = useProductQuery(product);
  const connections = useConnectionsQuery(product);
  const productEnvs = productQuery.data?.envs ?? [];
  const setHmac = (part: Partial<HmacDraft>) => setDraft({ ...draft, hmac: { ...draft.hmac, ...part } });

  return (
    <Stack gap="sm">
      <TextInput
        label="Name"
        required
        value={draft.name}
        onChange={(event) => {
          const name = event.currentTarget.value;
          setDraft({ ...draft, name, tag: draft.tagEdited ? draft.tag : tagOfName(name) });
        }}
        error={errors.name}
        data-autofocus
      />
      <TextInput
        label="Tag"
        description={editing ? 'A webhook keeps its tag' : 'How the SDK and API name it; follows the name until you change it'}
        required
        disabled={editing}
        ff="monospace"
        spellCheck={false}
        autoComplete="off"
        value={draft.tag}
        onChange={(event) => setDraft({ ...draft, tag: event.currentTarget.value, tagEdited: true })}
        error={errors.tag}
      />
      <Select
        label="Signature scheme"
        description={WEBHOOK_SCHEMES[draft.scheme].description}
        required
        allowDeselect={false}
        data={SCHEME_OPTIONS}
        value={draft.scheme}
        onChange={(value) => setDraft({ ...draft, scheme: (value ?? draft.scheme) as WebhookScheme })}
        error={errors.scheme}
      />
      {draft.scheme === 'hmac' ? (
        <Fieldset legend="Generic HMAC">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Algorithm"
              required
              allowDeselect={false}
              data={ALGORITHMS}
              value={draft.hmac.algorithm}
              onChange={(value) => setHmac({ algorithm: (value ?? draft.hmac.algorithm) })}
              error={errors['hmac.algorithm']}
            />
            <Select
              label="Encoding"
              required
              allowDeselect={false}
              data={ENCODINGS}
              value={draft.hmac.encoding}
              onChange={(value) => setHmac({ encoding: (value ?? draft.hmac.encoding) })}
              error={errors['hmac.encoding']}
            />
            <TextInput label="Signature header" description="e.g. X-Signature" required value={draft.hmac.header} onChange={(event) => setHmac({ header: event.currentTarget.value })} error={errors['hmac.header']} />
            <TextInput label="Prefix" description="Before the signature, e.g. sha256=" value={draft.hmac.prefix} onChange={(event) => setHmac({ prefix: event.currentTarget.value })} error={errors['hmac.prefix']} />
            <TextInput
              label="Signed content"
              description="Over {body}, {timestamp} and {url}; {body} when empty"
              ff="monospace"
              value={draft.hmac.signedContent}
              onChange={(event) => setHmac({ signedContent: event.currentTarget.value })}
              error={errors['hmac.signed_content']}
            />
            <TextInput
              label="Timestamp header"
              description="Read as {timestamp}; checked against the tolerance"
              value={draft.hmac.timestampHeader}
              onChange={(event) => setHmac({ timestampHeader: event.currentTarget.value })}
              error={errors['hmac.timestamp_header']}
            />
            <TextInput
              label="Event id header"
              description="The sender's event id, against replays"
              value={draft.hmac.eventIdHeader}
              onChange={(event) => setHmac({ eventIdHeader: event.currentTarget.value })}
              error={errors['hmac.event_id_header']}
            />
          </SimpleGrid>
          {errors.hmac === undefined ? null : (
            <Text mt="xs" c="red.8" size="sm">
              {errors.hmac}
            </Text>
          )}
        </Fieldset>
      ) : null}
      <SecretReferenceInput
        label="Signing secret"
        description="A secret reference such as $Token{GITHUB_WEBHOOK_SECRET}: pick one with the key icon"
        required
        spellCheck={false}
        autoComplete="off"
        value={draft.signingSecret}
        onChange={(signingSecret) => setDraft({ ...draft, signingSecret })}
        error={errors.signing_secret}
      />
      <Select
        label="Connected app"
        description="The app sending, whose secret scope applies; none when empty"
        placeholder="None"
        clearable
        data={connections.data?.map((connection) => ({ value: connection.access_tag, label: `${connection.access_tag} (${connection.app_name})` })) ?? []}
        value={draft.app}
        onChange={(app) => setDraft({ ...draft, app })}
        error={errors.app ?? (connections.isError ? 'Could not load the connected apps' : undefined)}
      />
      <Checkbox.Group
        label="Environments"
        description={editing ? 'An env dropped loses its receive URL for good' : 'A receive URL for each'}
        value={draft.envs}
        onChange={(envs) => setDraft({ ...draft, envs })}
        error={errors.envs ?? (productQuery.isError ? 'Could not load the product’s environments' : undefined)}
      >
        <Group mt="xs">
          {productEnvs.map((env) => (
            <Checkbox key={env.slug} value={env.slug} label={`${env.name} (${env.slug})`} />
          ))}
        </Group>
      </Checkbox.Group>
      <TextInput
        label="Forward URL"
        description="Where accepted events are delivered, signed by Switchboard; empty: your product pulls them"
        type="url"
        spellCheck={false}
        autoComplete="off"
        value={draft.forwardUrl}
        onChange={(event) => setDraft({ ...draft, forwardUrl: event.currentTarget.value })}
        error={errors.forward_url}
      />
    </Stack>
  );
}
