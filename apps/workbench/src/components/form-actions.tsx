import { Button, Group } from '@mantine/core';
import { ApiErrorAlert } from './api-error-alert';

interface FormActionsProps {
  submitLabel: string;
  submitting: boolean;
  /** A button before the submit one (Back, Cancel); with it the two stand apart when `spread`. */
  secondary?: { label: string; onClick: () => void; spread?: boolean };
  /** What the API refused without naming a field of the form (`formErrorsOf(...).unplaced`), shown above the buttons. */
  refusal?: { title: string; error: unknown };
}

/** The end of a form: the API's refusal that no field shows, an optional Back or Cancel, and the submit button. */
export function FormActions({ submitLabel, submitting, secondary, refusal }: FormActionsProps) {
  return (
    <>
      {refusal === undefined || refusal.error === undefined ? null : <ApiErrorAlert title={refusal.title} error={refusal.error} />}
      <Group justify={secondary?.spread === true ? 'space-between' : 'flex-end'}>
        {secondary === undefined ? null : (
          <Button variant="default" onClick={secondary.onClick}>
            {secondary.label}
          </Button>
        )}
        <Button type="submit" loading={submitting}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
