import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Switchboard } from '@switchboard/sdk';
import { createContext, use } from 'react';
import { sessionKey } from './session-key';

/** What the sign-in form asks for: the workspace user's credentials, exchanged once for a session cookie. */
export interface SignInCredentials {
  workspace_id: string;
  user_id: string;
  private_key: string;
}

// The gateway serves the workbench, so the API is on the page's own origin (the dev server proxies /v1 to it).
const gatewayUrl = (): string => window.location.origin;

/**
 * The session: resumed from the cookie on the first render (after a reload), `null` when there is none. The client
 * holds no private key: the cookie, which scripts cannot read, authenticates it.
 */
export function useSessionQuery() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async () => (await Switchboard.resume({ url: gatewayUrl() })) ?? null,
    staleTime: Infinity,
    retry: false,
    // A client instance, not JSON: nothing to share structurally with a previous value.
    structuralSharing: false,
  });
}

/** Exchanges the credentials for a session and makes it the current one, dropping anything cached before. */
export function useSignInMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: SignInCredentials) => Switchboard.signIn({ url: gatewayUrl(), ...credentials }),
    onSuccess: (client) => replaceSession(queryClient, client),
    meta: { errorsShownInline: true },
  });
}

/** Ends the session on the server, then forgets everything this user loaded. */
export function useSignOutMutation() {
  const queryClient = useQueryClient();
  const switchboard = useSwitchboard();
  return useMutation({
    mutationFn: () => switchboard.signOut(),
    onSuccess: () => replaceSession(queryClient, null),
  });
}

function replaceSession(queryClient: QueryClient, client: Switchboard | null): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
  queryClient.setQueryData(sessionKey, client);
}

/** Provided by the signed-in layout, so every page under it has a client. */
export const SwitchboardContext = createContext<Switchboard | undefined>(undefined);

/** The signed-in SDK client; only pages under the signed-in layout may call it. */
export function useSwitchboard(): Switchboard {
  const switchboard = use(SwitchboardContext);
  if (switchboard === undefined) throw new Error('useSwitchboard() is only available on pages behind the sign-in');
  return switchboard;
}
