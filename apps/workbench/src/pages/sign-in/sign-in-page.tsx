import { Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, type Location } from 'react-router';
import { useSessionQuery, useSignInMutation, type SignInCredentials } from '../../api/session';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { formErrorsOf } from '../../components/form-errors';
import { usePageTitle } from '../../components/use-page-title';

type Field = keyof SignInCredentials;
const FIELDS_BY_API_NAME: Record<string, Field> = { workspace_id: 'workspace_id', user_id: 'user_id', private_key: 'private_key' };
const LABELS: Record<Field, string> = { workspace_id: 'Workspace id', user_id: 'User id', private_key: 'Private key' };
const EMPTY: SignInCredentials = { workspace_id: '', user_id: '', private_key: '' };

/** Exchanges a workspace user's credentials (printed by `npm start`) for a session, then goes where the user was headed. */
export function SignInPage() {
  usePageTitle('Sign in');
  const session = useSessionQuery();
  const signIn = useSignInMutation();
  const from = (useLocation().state as { from?: Location } | null)?.from;
  const destination = from === undefined ? '/' : `${from.pathname}${from.search}${from.hash}`;
  const [values, setValues] = useState<SignInCredentials>(EMPTY);
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});

  if (session.data) return <Navigate to={destination} replace />;

  const apiErrors = formErrorsOf(signIn.error, FIELDS_BY_API_NAME);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const blank = Object.fromEntries(
      (Object.keys(LABELS) as Field[]).filter((field) => values[field].trim() === '').map((field) => [field, `${LABELS[field]} is required`]),
    );
    setMissing(blank);
    if (Object.keys(blank).length > 0) return;
    signIn.reset();
    // Once signed in, the session query holds the client and the <Navigate> above takes the user on.
    signIn.mutate(values);
  };
  const field = (name: Field) => ({
    label: LABELS[name],
    value: values[name],
    required: true,
    error: missing[name] ?? apiErrors.fields[name],
    onChange: (event: { currentTarget: HTMLInputElement }) => setValues({ ...values, [name]: event.currentTarget.value }),
  });

  return (
    <Center mih="100vh" p="md">
      <Paper component="main" withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              Sign in to Switchboard
            </Title>
            <Text size="sm" c="dimmed">
              Use a workspace user&apos;s credentials; <code>npm start</code> prints those of the development workspace. The private key
              is sent once, for a session, and never stored in the browser.
            </Text>
            {apiErrors.unplaced === undefined ? null : <ApiErrorAlert title="Could not sign in" error={apiErrors.unplaced} />}
            <TextInput {...field('workspace_id')} autoComplete="username" spellCheck={false} />
            <TextInput {...field('user_id')} autoComplete="off" spellCheck={false} />
            <PasswordInput {...field('private_key')} autoComplete="current-password" />
            <Button type="submit" loading={signIn.isPending}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
