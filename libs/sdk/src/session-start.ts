import type { HttpClient } from './http-client.js';
import type { SwitchboardSession } from './types.js';

/**
 * What `Switchboard.signIn` and `Switchboard.resume` hand the constructor: a client authenticated by the session
 * cookie, and the session. Not exported from the package: only those two build session clients.
 */
export class SessionStart {
  constructor(
    readonly http: HttpClient,
    readonly session: SwitchboardSession,
  ) {}
}
