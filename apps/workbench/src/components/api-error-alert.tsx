import { Alert, Button, Code, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { SwitchboardError } from '@switchboard/sdk';
import { describeError } from './describe-error';

interface ApiErrorAlertProps {
  error: unknown;
  /** What failed, as a title: "Could not load the products". */
  title: string;
  /** Offers "Try again" when given (a query's refetch). */
  onRetry?: () => unknown;
}

/** A failure shown where it happened: the API's code and message, never swallowed. */
export function ApiErrorAlert({ error, title, onRetry }: ApiErrorAlertProps) {
  const code = error instanceof SwitchboardError ? error.code : undefined;
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle aria-hidden />} role="alert">
      <Text size="sm">{describeError(error)}</Text>
      {code === undefined ? null : (
        <Text size="xs" c="dimmed" mt={4}>
          Error code <Code>{code}</Code>
        </Text>
      )}
      {onRetry === undefined ? null : (
        <Group mt="sm">
          <Button size="xs" variant="light" color="red" onClick={() => void onRetry()}>
            Try again
          </Button>
        </Group>
      )}
    </Alert>
  );
}
