import { Center } from '@mantine/core';
import { Navigate, useLocation } from 'react-router';
import { SwitchboardContext, useSessionQuery } from '../api/session';
import { ApiErrorAlert } from '../components/api-error-alert';
import { PageLoading } from '../components/page-loading';
import { ShellLayout } from './shell-layout';

/** The route guard: pages under it get the signed-in client; without a session the user goes to /sign-in and back. */
export function SignedInLayout() {
  const session = useSessionQuery();
  const location = useLocation();
  if (session.isPending) return <PageLoading label="Resuming your session" />;
  if (session.isError) {
    return (
      <Center h="100vh" p="md">
        <ApiErrorAlert title="Could not reach Switchboard" error={session.error} onRetry={session.refetch} />
      </Center>
    );
  }
  if (session.data === null) return <Navigate to="/sign-in" replace state={{ from: location }} />;
  return (
    <SwitchboardContext value={session.data}>
      <ShellLayout />
    </SwitchboardContext>
  );
}
