import { Anchor, Button, Group, JsonInput, SimpleGrid, Stack, Text } from '@mantine/core';
import type { AppAction, RunActionInput } from '@switchboard/sdk';
import { useState } from 'react';
import { Link } from 'react-router';
import { usePlanActionMutation, useRunActionMutation } from '../../api/actions';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { formErrorsOf } from '../../components/form-errors';
import { initialTexts, INPUT_PARTS, parsedInput, PART_LABELS, type InputPart, type InputTexts } from './input-parts';
import { PlanResult } from './plan-result';
import { RunResult } from './run-result';
import type { RunTarget } from './target-picker';

type Field = InputPart | keyof RunTarget;
// The API names input parts `input.<part>` (an input_invalid names `input.body`), and the action `event`.
const FIELDS_BY_API_NAME: Record<string, Field> = {
  'input.params': 'params',
  'input.query': 'query',
  'input.headers': 'headers',
  'input.body': 'body',
  product: 'product',
  env: 'env',
  app: 'app',
  event: 'action',
};

interface ActionFormProps {
  target: Required<RunTarget>;
  action: AppAction;
  onTargetErrors: (errors: Partial<Record<keyof RunTarget, string>>) => void;
}

/** The input editors seeded from the action's schemas, Plan and Run, and what each answered. */
export function ActionForm({ target, action, onTargetErrors }: ActionFormProps) {
  const [texts, setTexts] = useState<InputTexts>(() => initialTexts(action));
  const [jsonErrors, setJsonErrors] = useState<Partial<Record<InputPart, string>>>({});
  const plan = usePlanActionMutation();
  const run = useRunActionMutation();
  const [last, setLast] = useState<'plan' | 'run' | undefined>();
  const current = last === 'plan' ? plan : last === 'run' ? run : undefined;
  const apiErrors = formErrorsOf<Field>(current?.error, FIELDS_BY_API_NAME);
  const schemas = action.schema as Partial<Record<InputPart, { required?: unknown }>>;

  const submit = (kind: 'plan' | 'run') => {
    plan.reset();
    run.reset();
    const parsed = parsedInput(texts);
    if ('errors' in parsed) {
      setJsonErrors(parsed.errors);
      return;
    }
    setJsonErrors({});
    setLast(kind);
    const body: RunActionInput = { product: target.product, env: target.env, app: target.app, event: target.action, input: parsed.input };
    const onError = (error: Error) => {
      const { fields } = formErrorsOf<Field>(error, FIELDS_BY_API_NAME);
      onTargetErrors({ product: fields.product, env: fields.env, app: fields.app, action: fields.action });
    };
    onTargetErrors({});
    if (kind === 'plan') plan.mutate(body, { onError });
    else run.mutate(body, { onError });
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {action.method} {action.path}
        {action.summary === '' ? '' : ` — ${action.summary}`}. Strings may hold <code>$Token{'{KEY}'}</code> and <code>$Variable{'{KEY}'}</code>{' '}
        references; empty editors are not sent.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {INPUT_PARTS.map((part) => (
          <JsonInput
            key={part}
            label={`${PART_LABELS[part]} (JSON)`}
            description={schemas[part] === undefined ? 'No schema' : requiredText(schemas[part]?.required)}
            value={texts[part]}
            onChange={(value) => setTexts({ ...texts, [part]: value })}
            error={jsonErrors[part] ?? apiErrors.fields[part]}
            validationError="Not valid JSON"
            autosize
            minRows={4}
            maxRows={16}
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
        ))}
      </SimpleGrid>
      {apiErrors.unplaced === undefined ? null : (
        <ApiErrorAlert title={last === 'plan' ? 'Could not plan the run' : 'The run failed'} error={apiErrors.unplaced} />
      )}
      {last === 'run' && run.isError ? (
        <Anchor component={Link} to={`/runs?${new URLSearchParams({ product: target.product, app: target.app, status: 'failed' }).toString()}`} size="sm">
          Failed runs of {target.app} in the run log
        </Anchor>
      ) : null}
      <Group>
        <Button variant="light" onClick={() => submit('plan')} loading={plan.isPending}>
          Plan
        </Button>
        <Button onClick={() => submit('run')} loading={run.isPending}>
          Run
        </Button>
      </Group>
      {last === 'plan' && plan.data !== undefined ? <PlanResult plan={plan.data} /> : null}
      {last === 'run' && run.data !== undefined ? <RunResult result={run.data} /> : null}
    </Stack>
  );
}

function requiredText(required: unknown): string {
  const names = Array.isArray(required) ? required.filter((name) => typeof name === 'string') : [];
  return names.length === 0 ? 'Nothing required' : `Required: ${names.join(', ')}`;
}
