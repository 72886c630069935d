import { notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { SwitchboardError } from '@switchboard/sdk';
import { describeError } from '../components/describe-error';
import { sessionKey } from './session-key';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: Error;
    mutationMeta: {
      /** The form shows this mutation's errors itself (beside its fields, or in an ApiErrorAlert): no toast. */
      errorsShownInline?: boolean;
    };
  }
}

const RETRIES = 2;

/**
 * The workbench's one QueryClient. A failed mutation raises a toast unless its form shows the error itself; a 401 from
 * any call means the session ended (expired, or signed out elsewhere), which sends the user back to the sign-in page.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx answers the same when asked again; only network failures and 5xx are worth a retry.
        retry: (failures, error) => failures < RETRIES && !isClientError(error),
      },
      mutations: { retry: false },
    },
    queryCache: new QueryCache({ onError: (error) => endSessionOnUnauthenticated(client, error) }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _onMutateResult, mutation) => {
        if (endSessionOnUnauthenticated(client, error)) return;
        if (mutation.meta?.errorsShownInline === true) return;
        notifications.show({ color: 'red', title: 'That did not work', message: describeError(error) });
      },
    }),
  });
  return client;
}

function isClientError(error: Error): boolean {
  return error instanceof SwitchboardError && error.status >= 400 && error.status < 500;
}

function endSessionOnUnauthenticated(client: QueryClient, error: Error): boolean {
  if (!(error instanceof SwitchboardError) || error.status !== 401) return false;
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
  client.setQueryData(sessionKey, null);
  return true;
}
